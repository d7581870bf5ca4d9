package client

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/tiercel/tiercel/fault"
)

// Sentinels of the service's own failures, which no local engine meets.
// An *Error matches them with errors.Is by its HTTP status.
var (
	// ErrUnauthorized is a 401: a missing or wrong bearer token.
	ErrUnauthorized = fault.New(fault.BadRequest, "unauthorized")
	// ErrTooLarge is a 413: a request body over the server's limit.
	ErrTooLarge = fault.New(fault.Limit, "request body too large")
	// ErrUnavailable is a 503: the server is draining, over its
	// concurrency limit or past the request's deadline; retry later.
	ErrUnavailable = fault.New(fault.Internal, "service unavailable")
	// ErrUnsupported is a question the service cannot be asked with the
	// engine's arguments as given (a case with Pauses, which no request
	// carries); the client refuses it rather than drop the part.
	ErrUnsupported = fault.New(fault.BadRequest, "not supported by the service")
)

// Error is an error answer of the service: its HTTP status and the
// {"code", "message", "field"} of its body, and the decision id of a 500.
// Its Class is the class of the error the server met, and errors.Is
// matches it against the sentinel the server's error wrapped (see Is).
// The zero value is an error of class Internal that matches no sentinel;
// an *Error is not changed after it is returned.
type Error struct {
	Status     int
	Code       string
	Message    string
	Field      string
	DecisionID string
}

// Error returns "tiercel service: STATUS CODE: MESSAGE" and the field.
func (e *Error) Error() string {
	s := fmt.Sprintf("tiercel service: %d %s: %s", e.Status, e.Code, e.Message)
	if e.Field != "" {
		s += " (field " + e.Field + ")"
	}
	return s
}

// codeClasses are the classes of the service's error codes.
var codeClasses = map[string]fault.Class{
	"bad_request": fault.BadRequest, "bad_input": fault.BadInput, "undecidable": fault.Undecidable,
	"limit_exceeded": fault.Limit, "too_large": fault.Limit, "unauthorized": fault.BadRequest,
}

// Class returns the class of the error on the server: bad request (also a
// 401), bad input, undecidable or limit (also a 413); Internal for the
// others (unavailable, internal, an answer that is not the service's).
func (e *Error) Class() fault.Class { return codeClasses[e.Code] }

// statusSentinels are the sentinels matched by status alone.
var statusSentinels = map[error]int{
	ErrUnauthorized: http.StatusUnauthorized, ErrTooLarge: http.StatusRequestEntityTooLarge, ErrUnavailable: http.StatusServiceUnavailable,
}

// Is reports whether e is target: ErrUnauthorized, ErrTooLarge and
// ErrUnavailable by status; any other classed sentinel (fault.New, such
// as rules.ErrUnknownTier or rules.ErrNoPrice) when its class is e's and
// the server's message quotes its text, which is how the server's error
// message begins its wrapped sentinel's part. So errors.Is(err,
// rules.ErrUnknownTier) holds for the remote error as for the local one.
func (e *Error) Is(target error) bool {
	if status, ok := statusSentinels[target]; ok {
		return e.Status == status
	}
	c, ok := target.(fault.Classed)
	if !ok || e.Class() == fault.Internal || c.Class() != e.Class() {
		return false
	}
	return strings.Contains(e.Message, target.Error())
}

// decodeError reads an error answer; a body that is not one (a proxy's
// page) gives an Error with the status, code "http" and the start of the
// body.
func decodeError(status int, raw []byte) error {
	var body struct {
		Error struct {
			Code, Message, Field, DecisionID string
		}
	}
	if json.Unmarshal(raw, &body) != nil || body.Error.Code == "" {
		msg := strings.TrimSpace(string(raw))
		if len(msg) > 200 {
			msg = msg[:200]
		}
		return &Error{Status: status, Code: "http", Message: msg}
	}
	e := body.Error
	return &Error{Status: status, Code: e.Code, Message: e.Message, Field: e.Field, DecisionID: e.DecisionID}
}
