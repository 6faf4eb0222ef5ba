// DataprocAPI module.
