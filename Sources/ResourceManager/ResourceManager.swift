// ResourceManager module.
