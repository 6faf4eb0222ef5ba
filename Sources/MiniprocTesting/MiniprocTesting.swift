// MiniprocTesting module.
