package yamlpos

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tiercel/tiercel/fault"
)

// Error is a problem found at one place of a catalog or suite file. Its text
// reads "file:line:col: Path: message", like a compiler's. Line and Column
// are 1-based; zero means unknown. Error wraps ErrInvalidCatalog and, where
// one applies, a more specific cause (ErrUnknownTier, an slo, money or billing
// error), so errors.Is works on it.
type Error struct {
	File   string // file name given to Compile or Load
	Line   int    // 1-based line, 0 if unknown
	Column int    // 1-based column, 0 if unknown
	Path   string // YAML path of the offending value, e.g. "tiers.enhanced.response.P1"
	Msg    string // lowercase message without position
	Err    error  // underlying cause, may be nil
	Kind   error  // sentinel of the document's kind, may be nil

	// more is set on the last entry of an ErrorList that reached
	// MaxErrors: the number of errors left out.
	more int
	// fatal marks the error that stopped decoding: capping keeps it.
	fatal bool
}

// Error returns "file:line:col: Path: message".
func (e *Error) Error() string {
	if e.more > 0 {
		return e.Msg
	}
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the document kind's sentinel and the underlying cause,
// those that are set.
func (e *Error) Unwrap() []error {
	errs := make([]error, 0, 2)
	if e.Kind != nil {
		errs = append(errs, e.Kind)
	}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// Class returns fault.BadInput when the file is at fault: an error of a
// document's kind (Kind set: an invalid catalog, suite or case file),
// whatever cause it wraps, so an unknown tier named in a catalog is a bad
// file, not a bad request. An error with no Kind is a decision refused
// about what a well-formed file says, only positioned there: a malformed
// request (fault.BadRequest: events out of order, now before the opening)
// is still a bad file, but an undecidable question or a limit keeps its
// cause's class (an unknown tier or a duration overflow in a case file is
// Undecidable or Limit, as on the command line).
func (e *Error) Class() fault.Class {
	if e.Kind == nil && e.Err != nil {
		if c := fault.Of(e.Err); c != fault.BadRequest {
			return c
		}
	}
	return fault.BadInput
}

// MaxErrors is the most errors an ErrorList reports. Past it, errors are
// only counted: the list ends with an entry reading "and N more errors" and
// Dropped returns N.
const MaxErrors = 100

// ErrorList is every error found in a document, sorted by file and
// position, each reported once per position and message, up to MaxErrors.
// Decoding returns it even for one error, as go/scanner does; errors.As
// finds the first *Error in it and errors.Is looks at all of them.
// When errors were left out, the last entry has no position and its message
// is "and N more errors".
type ErrorList []*Error

// Error returns one error per line.
func (l ErrorList) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the errors of the list.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Dropped returns how many errors were found beyond MaxErrors and left out
// of the list.
func (l ErrorList) Dropped() int {
	n := 0
	for _, e := range l {
		n += e.more
	}
	return n
}

// moreErrors is the last entry of a list that left out n errors.
func moreErrors(n int) *Error {
	e := &Error{}
	e.setMore(n)
	return e
}

func (e *Error) setMore(n int) {
	e.more, e.Msg = n, "and "+strconv.Itoa(n)+" more errors"
}

// errorKey identifies an error by where it is and what it says, so that a
// value reached through several aliases is reported once.
type errorKey struct {
	file      string
	line, col int
	msg       string
}

func (e *Error) key() errorKey { return errorKey{e.File, e.Line, e.Column, e.Msg} }

func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// Err returns nil when l is empty, or else the sorted list. Errors repeated
// at one position are reported once; the lists of several files, each
// possibly capped, are merged and capped again at MaxErrors.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	more := 0
	seen := make(map[errorKey]bool, len(l))
	out := make(ErrorList, 0, min(len(l), MaxErrors+1))
	for _, e := range l {
		if e.more > 0 {
			more += e.more
			continue
		}
		if seen[e.key()] {
			continue
		}
		seen[e.key()] = true
		out = append(out, e)
	}
	out.sort()
	if len(out) > MaxErrors {
		more += len(out) - MaxErrors
		out = capErrors(out)
	}
	if more > 0 {
		out = append(out, moreErrors(more))
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// capErrors keeps the fatal errors of sorted l and, in order, as many others
// as fit in MaxErrors.
func capErrors(l ErrorList) ErrorList {
	fatal := 0
	for _, e := range l {
		if e.fatal {
			fatal++
		}
	}
	kept, others := l[:0], 0
	for _, e := range l {
		if e.fatal || others < MaxErrors-fatal {
			kept = append(kept, e)
			if !e.fatal {
				others++
			}
		}
	}
	return kept
}
