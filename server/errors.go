package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/internal/yamlpos"
)

// The error codes of an error response, one per kind of failure. A client
// branches on the code; the message is for people.
const (
	CodeBadRequest   = "bad_request"        // malformed JSON, unknown field, wrong type, invalid value (400)
	CodeBadInput     = "bad_input"          // an input document in the body is invalid (400)
	CodeUndecidable  = "undecidable"        // the catalog cannot decide the request (422)
	CodeLimit        = "limit_exceeded"     // deciding the request passes a bound: CEL cost, overflow (422)
	CodeTooLarge     = "too_large"          // the body is over the limit (413)
	CodeUnavailable  = "unavailable"        // draining, over the concurrency limit or past the request deadline (503)
	CodeUnauthorized = "unauthorized"       // a missing or wrong bearer token (401)
	CodeNotFound     = "not_found"          // no such route (404)
	CodeMethod       = "method_not_allowed" // the route does not take this method (405)
	CodeInternal     = "internal"           // a fault of the server; never caused by bad input (500)
)

// ErrorBody is the JSON of every error response: {"error": {...}}.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail says what went wrong: a code from the Code constants, a
// message for people, and the request field at fault when one is known
// (a JSON path such as "contract.renewal"), else empty. DecisionID is set
// on 500s so that the log line of the failure can be found.
type ErrorDetail struct {
	Code       string `json:"code"`
	Message    string `json:"message"`
	Field      string `json:"field,omitempty"`
	DecisionID string `json:"decisionId,omitempty"`
}

// httpError is an error with its HTTP status, code and field, built by the
// server for failures that no error class describes (body too large,
// malformed JSON) or from a classed error by classify.
type httpError struct {
	status int
	code   string
	field  string
	err    error
}

func (e *httpError) Error() string { return e.err.Error() }
func (e *httpError) Unwrap() error { return e.err }

func badRequest(field string, format string, args ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, code: CodeBadRequest, field: field, err: fmt.Errorf(format, args...)}
}

// Status returns the HTTP status and the error code of class c. A Limit is
// a 422: the request was well formed and within the body limit, but
// deciding it passes a bound of the engine (a CEL cost, a duration or an
// amount that overflows); retrying it unchanged fails again, so it is not
// a 429. A body over the limit is a 413 and never reaches a class.
func Status(c fault.Class) (int, string) {
	switch c {
	case fault.BadRequest:
		return http.StatusBadRequest, CodeBadRequest
	case fault.BadInput:
		return http.StatusBadRequest, CodeBadInput
	case fault.Undecidable:
		return http.StatusUnprocessableEntity, CodeUndecidable
	case fault.Limit:
		return http.StatusUnprocessableEntity, CodeLimit
	}
	return http.StatusInternalServerError, CodeInternal
}

// classify turns err into an httpError: as it is when it is one, else by
// its class (fault.Of), with the field of its first positioned error.
func classify(err error) *httpError {
	var he *httpError
	if errors.As(err, &he) {
		return he
	}
	status, code := Status(fault.Of(err))
	return &httpError{status: status, code: code, field: fieldOf(err), err: err}
}

// fieldOf returns the path of the first positioned error in err's chain,
// with the document name as its first element when the document is part
// of a body ("contract" for the contract of an eligibility request).
func fieldOf(err error) string {
	var pe *yamlpos.Error
	if !errors.As(err, &pe) {
		return ""
	}
	name := pe.File
	if name == "" || name == bodyName {
		return pe.Path
	}
	if pe.Path == "" {
		return name
	}
	return name + "." + pe.Path
}

// bodyName is the document name of a whole request body in error positions.
const bodyName = "body"

// message returns the text of err for a response: a positioned error list
// keeps its lines, joined by "; ". Internal errors say nothing of the
// program's state.
func message(e *httpError) string {
	if e.status == http.StatusInternalServerError {
		return "internal error"
	}
	return strings.ReplaceAll(strings.TrimSpace(e.err.Error()), "\n", "; ")
}

// writeError writes the JSON error response of e.
func writeError(w http.ResponseWriter, e *httpError, decisionID string) {
	d := ErrorDetail{Code: e.code, Message: message(e), Field: e.field}
	if e.status == http.StatusInternalServerError {
		d.DecisionID = decisionID
	}
	writeJSON(w, e.status, ErrorBody{Error: d})
}

// writeJSON writes v as the JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
	}
	writeBody(w, status, b)
}

// writeBody writes the JSON document b, then a newline, as the response
// with status.
func writeBody(w http.ResponseWriter, status int, b []byte) {
	h := w.Header()
	h["Content-Type"] = contentTypeJSON
	h["X-Content-Type-Options"] = noSniff
	w.WriteHeader(status)
	_, _ = w.Write(b)
	_, _ = w.Write(newline)
}

// The values of the headers of every JSON response, shared by all: net/http
// only reads them, and a handler that adds a value to one (Header.Add)
// appends past their length, which copies them.
var (
	contentTypeJSON = []string{"application/json"}
	noSniff         = []string{"nosniff"}
	newline         = []byte{'\n'}
)
