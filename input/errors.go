package input

import (
	"fmt"
	"strings"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/yamlpos"
)

// ErrInvalidFile is wrapped by every error of a file this package reads:
// each kind's sentinel below wraps it, so errors.Is(err, ErrInvalidFile)
// classifies any of them as a bad input file.
var ErrInvalidFile = fault.New(fault.BadInput, "invalid input file")

// kind is the sentinel of one kind of file: its text names the kind and it
// unwraps to ErrInvalidFile.
type kind struct{ text string }

func (k *kind) Error() string { return k.text }
func (k *kind) Unwrap() error { return ErrInvalidFile }

// Class returns fault.BadInput: the file is at fault.
func (k *kind) Class() fault.Class { return fault.BadInput }

// The sentinels of each kind of file. Errors found in a file are a
// yamlpos-shaped list, one "file:line:col: path: message" a line, capped
// at MaxErrors, each wrapping the kind's sentinel (and through it
// ErrInvalidFile); a file that cannot be read gives one error wrapping the
// sentinel and the cause (readfile's ErrTooLarge, fs.ErrNotExist, ...).
var (
	// ErrInvalidCaseFile marks the errors of a case file (LoadCaseFile,
	// ParseCaseFile).
	ErrInvalidCaseFile error = &kind{"invalid case file"}
	// ErrInvalidHistory marks the errors of a CSV or JSON-lines history
	// (LoadHistory, ParseCSV, ParseJSONL).
	ErrInvalidHistory error = &kind{"invalid history"}
	// ErrInvalidContract marks the errors of a contract file
	// (LoadContract, ParseContract).
	ErrInvalidContract error = &kind{"invalid contract file"}
	// ErrInvalidSpends marks the errors of a spends CSV (LoadSpends,
	// ParseSpends).
	ErrInvalidSpends error = &kind{"invalid spends file"}
)

// MaxYAMLSize is the largest case file or contract written in YAML that
// the readers take: 4 MiB. yaml.v3 parses about 6 MB of YAML a second, so
// a 16 MiB YAML document would take several seconds where every other
// input of that size takes under 2; the same document written as JSON is
// read by a scanner of this package up to readfile's 16 MiB.
const MaxYAMLSize = 4 << 20

// ErrYAMLTooLarge is wrapped by the error of a YAML case file or contract
// over MaxYAMLSize.
var ErrYAMLTooLarge = fault.New(fault.Limit, "YAML document too large")

// ErrInvalidTime is wrapped by ParseTime's errors: a bad request on the
// command line, a bad input file when a file holds the instant (its
// positioned error says so).
var ErrInvalidTime = fault.New(fault.BadRequest, "invalid time")

// MaxErrors is the most errors a reader lists; past it the list ends with
// an entry counting the rest, "and N more errors".
const MaxErrors = yamlpos.MaxErrors

// Error is one positioned error of a file: "file:line:col: path: message".
type Error = yamlpos.Error

// ErrorList is every error found in a file, sorted by position and capped
// at MaxErrors; errors.As finds it in any reader's error.
type ErrorList = yamlpos.ErrorList

// rowErrors collects the positioned errors of a file read row by row (CSV,
// JSON lines), capped as a YAML document's are.
type rowErrors struct{ d *yamlpos.Decoder }

func newRowErrors(file string, k error) rowErrors {
	return rowErrors{d: yamlpos.NewDecoder(file, nil, k)}
}

// add reports an error at line and column (0 when unknown) about the
// field path ("" for the row).
func (r rowErrors) add(line, col int, path, format string, args ...any) {
	r.d.Add(yamlpos.Pos{File: r.d.File(), Line: line, Column: col, Path: path}.Errorf(nil, format, args...))
}

// addErr is add with a cause that the error wraps.
func (r rowErrors) addErr(line, col int, path string, cause error, format string, args ...any) {
	r.d.Add(yamlpos.Pos{File: r.d.File(), Line: line, Column: col, Path: path}.Errorf(cause, format, args...))
}

// err returns the sorted, capped list, or nil.
func (r rowErrors) err() error { return r.d.Errors().Err() }

// Blame returns err, which deciding on what files hold gave (files that
// read well but disagree with each other or with the catalog), as an error
// of those files: its message is "file, file: err", it wraps err and
// ErrInvalidFile, and its class is fault.BadInput unless err's is
// fault.Undecidable or fault.Limit, which it keeps (as on the command line).
func Blame(err error, files ...string) error {
	return &blamed{fmt.Errorf("%s: %w", strings.Join(files, ", "), err), err}
}

// blamed is the error Blame returns.
type blamed struct{ msg, cause error }

func (b *blamed) Error() string   { return b.msg.Error() }
func (b *blamed) Unwrap() []error { return []error{b.cause, ErrInvalidFile} }

// Class returns fault.BadInput, or the cause's class when it is
// fault.Undecidable or fault.Limit.
func (b *blamed) Class() fault.Class {
	switch c := fault.Of(b.cause); c {
	case fault.Undecidable, fault.Limit:
		return c
	}
	return fault.BadInput
}
