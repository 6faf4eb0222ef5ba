// MapReduce module.
