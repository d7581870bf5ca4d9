package rules

import "github.com/tiercel/tiercel/internal/readfile"

// Errors of reading a catalog or suite file, which Load (and suite.Load)
// wrap together with ErrInvalidCatalog (suite.ErrInvalidSuite). Only
// regular files of at most 16 MiB are read.
var (
	// ErrNotRegularFile is returned for a path that is not a regular file
	// (a device such as /dev/zero, a FIFO, a socket or a directory), after
	// following symbolic links.
	ErrNotRegularFile = readfile.ErrNotRegular
	// ErrInputTooLarge is returned for a file larger than 16 MiB.
	ErrInputTooLarge = readfile.ErrTooLarge
)
