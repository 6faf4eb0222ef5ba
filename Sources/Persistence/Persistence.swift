// Persistence module.
