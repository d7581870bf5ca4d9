package main

import (
	"errors"
	"fmt"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/rules"
)

// Exit statuses: 0 and 1 are answers, the others one per error class
// (fault.Class); the README's table and doc.go list them.
const (
	exitOK          = 0 // the command answered; every check and test passed
	exitFail        = 1 // the answer is "no" (denied, not eligible), "changed", or a check or test failed
	exitUsage       = 2 // fault.BadRequest: the command line is wrong or malformed
	exitInput       = 3 // fault.BadInput: an input file is missing, unreadable or invalid
	exitUndecidable = 4 // fault.Undecidable: the catalog cannot decide the question (unknown tier, no target, no price, zone required)
	exitLimit       = 5 // fault.Limit: a bound was passed (cost limit, input too large, duration or money overflow, years past 9999)
	exitInternal    = 6 // fault.Internal: an error no class covers: a fault of tiercel or of the system
)

// exitStatus returns the exit status of an error of class c.
func exitStatus(c fault.Class) int {
	switch c {
	case fault.BadRequest:
		return exitUsage
	case fault.BadInput:
		return exitInput
	case fault.Undecidable:
		return exitUndecidable
	case fault.Limit:
		return exitLimit
	}
	return exitInternal
}

// usageError is a mistake in the command line: fault.BadRequest, exit
// status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// Class returns fault.BadRequest.
func (e *usageError) Class() fault.Class { return fault.BadRequest }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

// outputError is an error writing an output file named on the command line
// (--svg): its message is err's, its class fault.BadRequest (exit status
// 2), as for any other flag whose value cannot be used.
type outputError struct{ error }

func (e outputError) Unwrap() error { return e.error }

// Class returns fault.BadRequest.
func (e outputError) Class() fault.Class { return fault.BadRequest }

// reworded is err under a message of the command's own, one that names the
// flag to give; errors.Is and the class (exit status) stay err's.
type reworded struct {
	msg string
	err error
}

func (r reworded) Error() string { return r.msg }
func (r reworded) Unwrap() error { return r.err }

// shownError is an error already printed on stderr (a history's rows, each
// at its line): exit prints nothing more and returns its class's status.
type shownError struct{ error }

func (e shownError) Unwrap() error { return e.error }

// errFailed reports that a check or a test failed, or that the answer is
// "no"; what failed has already been printed.
var errFailed = errors.New("failed")

// errInputFailed reports that an input file (a catalog or a suite) did not
// load; the errors have already been printed on stderr.
var errInputFailed = fault.New(fault.BadInput, "input failed")

// exit prints err, if any, and returns the exit status it calls for: 1
// for errFailed (an answer, already printed), else the status of the
// error's class (exitStatus).
func (c *cli) exit(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errFailed):
		return exitFail
	case errors.Is(err, errInputFailed), errors.As(err, new(shownError)):
		// already printed
	case errors.As(err, &ue):
		fmt.Fprintf(c.stderr, "tiercel %s: %s\nRun 'tiercel %s --help' for usage.\n", c.name, ue.msg, c.name)
	case isPositioned(err):
		// file:line:col at the start of each line, as compilers print them.
		fmt.Fprintln(c.stderr, err)
	default:
		fmt.Fprintf(c.stderr, "tiercel %s: %s\n", c.name, err)
	}
	c.shippedHint(err)
	return exitStatus(fault.Of(err))
}

// shippedHint prints, after an unknown tier that a shipped catalog has,
// the flag that loads that catalog.
func (c *cli) shippedHint(err error) {
	var ut *rules.UnknownTierError
	if errors.As(err, &ut) && len(ut.Shipped) > 0 {
		fmt.Fprintf(c.stderr, "tiercel %s: tier %q is in the catalog shipped with tiercel called %s: give --builtin %s\n",
			c.name, ut.Tier, ut.Shipped[0], ut.Shipped[0])
	}
}

// isPositioned reports whether err is a positioned catalog or suite error.
func isPositioned(err error) bool {
	var one *rules.Error
	var list rules.ErrorList
	return errors.As(err, &list) || errors.As(err, &one)
}
