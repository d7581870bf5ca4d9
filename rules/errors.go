package rules

import (
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/yamlpos"
)

// Sentinel errors that callers branch on with errors.Is. Errors returned by
// the engine wrap one of these where one applies.
//
// Each has a class (fault.Of) that the command maps to an exit status and a
// server to an HTTP status. A case or contract that is malformed on its face
// (ErrInvalidCase, ErrInvalidZone, ErrInvalidEvent, ErrInvalidScope,
// ErrInvalidContract, ErrUnknownCatalog) is fault.BadRequest. A well-formed
// question this catalog cannot decide (ErrUnknownTier, ErrNoTarget,
// ErrZoneRequired, ErrCountryRequired, ErrUnknownAction, ErrNoPrice,
// ErrNotEligible, and ErrEvaluation: a rule's expression failing on the
// case's attributes) is fault.Undecidable. ErrCostLimit is fault.Limit.
// ErrInvalidCatalog, and every positioned Error, is fault.BadInput, even
// when it wraps one of the others: a tier unknown inside a catalog file is
// a fault of that file.
var (
	// ErrInvalidCatalog marks every error found while compiling a catalog.
	ErrInvalidCatalog = fault.New(fault.BadInput, "invalid catalog")
	// ErrUnknownTier is returned when a tier id or alias is not in the catalog.
	ErrUnknownTier = fault.New(fault.Undecidable, "unknown tier")
	// ErrNoTarget is returned when a tier has no response target for a priority.
	ErrNoTarget = fault.New(fault.Undecidable, "no response target")
	// ErrZoneRequired is returned when a case or contract is evaluated on a
	// calendar whose zone is the account's and no zone was given.
	ErrZoneRequired = fault.New(fault.Undecidable, "zone required")
	// ErrInvalidZone is returned when a case or contract names a zone that is
	// not a valid IANA time zone.
	ErrInvalidZone = fault.New(fault.BadRequest, "invalid zone")
	// ErrInvalidCase is returned when a case lacks a field a decision needs
	// (an invalid priority or a zero opening instant).
	ErrInvalidCase = fault.New(fault.BadRequest, "invalid case")
	// ErrCostLimit is returned when evaluating an expression exceeds the
	// engine's runtime cost limit.
	ErrCostLimit = fault.New(fault.Limit, "cost limit exceeded")
	// ErrEvaluation is returned when a CEL expression fails at run time
	// (a missing attribute, a division by zero, a type mismatch on dyn values).
	ErrEvaluation = fault.New(fault.Undecidable, "evaluation failed")
	// ErrUnknownAction is returned by Allowed for an action no permission names.
	ErrUnknownAction = fault.New(fault.Undecidable, "unknown action")
	// ErrNoPrice is returned by Quote for a tier without a price.
	ErrNoPrice = fault.New(fault.Undecidable, "no price")
	// ErrCountryRequired is returned when a case is counted on a calendar
	// whose holidays are the account's country (holidays: [account]) and no
	// country was given.
	ErrCountryRequired = fault.New(fault.Undecidable, "country required")
)

// Error is a problem found at one place of a catalog file. Its text reads
// "file:line:col: path: message", like a compiler's. Line and Column are
// 1-based; zero means unknown. Error wraps ErrInvalidCatalog and, where one
// applies, a more specific cause (ErrUnknownTier, an slo, money or billing
// error), so errors.Is works on it.
type Error = yamlpos.Error

// ErrorList is every error found in a catalog, sorted by file and position,
// each reported once per position and message, up to MaxErrors. Compile
// and Load return it whenever a catalog is invalid, even for one problem
// (as go/scanner does); errors.As finds the first *Error in it and
// errors.Is looks at all of them. When errors were left out, the last entry
// has no position and its message is "and N more errors"; Dropped counts
// them.
type ErrorList = yamlpos.ErrorList

// MaxErrors is the most errors an ErrorList reports. Past it, errors are
// only counted: the list ends with an entry reading "and N more errors" and
// Dropped returns N.
const MaxErrors = yamlpos.MaxErrors

// Errors of contract decisions (Eligibility, Plan, Entitlements). They are
// wrapped with details; test for them with errors.Is.
var (
	// ErrInvalidContract is returned when a contract decision lacks an input
	// it needs: a contract without a tier, or a date an expression needs
	// that the contract does not have (a nil Renewal).
	ErrInvalidContract = fault.New(fault.BadRequest, "invalid contract")
	// ErrNotEligible is returned by MovedEntitlements when no migration
	// applies to the contract or the tier it moved to is not a target.
	ErrNotEligible = fault.New(fault.Undecidable, "not eligible")
)
