// Package client calls tiercel's decision service (package server, run by
// `tiercel serve`) from Go, with the engine's own types where a remote
// answer maps back to them (Deadline, Status, Allowed), so that a Go
// program can swap a local rules.Engine for a remote one; and with package
// answer's types, the service's JSON, for every question (Decide).
//
// Errors of the service come back as *Error, whose Class is the class of
// the error the server met: fault.Of gives the same class for a remote
// decision as for a local one. A Client is safe for concurrent use.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/fault"
)

// Client calls one decision service. Make one with New; the zero value is
// not usable.
type Client struct {
	base  string
	http  *http.Client
	token string
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient makes the Client send its requests with hc (for TLS
// settings, timeouts, a transport of one's own). The default is a client
// with a 30 second timeout.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.http = hc } }

// WithToken sends "Authorization: Bearer token" with every request.
func WithToken(token string) Option { return func(c *Client) { c.token = token } }

// New returns a Client of the service at baseURL ("http://127.0.0.1:8383").
func New(baseURL string, opts ...Option) *Client {
	c := &Client{base: strings.TrimRight(baseURL, "/"), http: &http.Client{Timeout: 30 * time.Second}}
	for _, o := range opts {
		o(c)
	}
	return c
}

// Meta is what the service says of a decision besides its result: its id
// (in the service's decision log) and the revision of the catalog that
// decided.
type Meta struct {
	DecisionID string
	Revision   string
}

// Error is an error answer of the service: its HTTP status and the
// {"code", "message", "field"} of its body, and the decision id of a 500.
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
	"limit_exceeded": fault.Limit, "too_large": fault.Limit,
}

// Class returns the class of the error on the server: bad request, bad
// input, undecidable or limit; Internal for the others (unauthorized,
// unavailable, internal).
func (e *Error) Class() fault.Class { return codeClasses[e.Code] }

// Decide posts body (marshalled to JSON) to POST /v1/{question} and
// decodes the result into result, a pointer to the answer type of the
// question (answer.Deadline for deadline and status, answer.Timeline,
// answer.Compare, answer.Replay, answer.Quote, answer.Eligibility for
// eligibility and plan, server.Entitlements' shape, answer.Invoice,
// answer.Allowed).
func (c *Client) Decide(ctx context.Context, question string, body, result any) (Meta, error) {
	b, err := json.Marshal(body)
	if err != nil {
		return Meta{}, fmt.Errorf("client: encoding the %s request: %w", question, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/"+question, bytes.NewReader(b))
	if err != nil {
		return Meta{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return Meta{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return Meta{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return Meta{}, decodeError(resp.StatusCode, raw)
	}
	d := answer.Decision{Result: result}
	if err := json.Unmarshal(raw, &d); err != nil {
		return Meta{}, fmt.Errorf("client: decoding the %s answer: %w", question, err)
	}
	return Meta{DecisionID: d.DecisionID, Revision: d.Revision}, nil
}

// decodeError reads an error answer; a body that is not one (a proxy's
// page) gives an Error with the status and the start of the body.
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
