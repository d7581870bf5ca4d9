// Package client calls tiercel's decision service (package server, run by
// `tiercel serve`) from Go with the engine's own types: a *Client answers
// every question rules.Engine answers (Deadline, Status, Timeline, Compare,
// CompareIn, Replay, Quote, QuotePeriod, Invoice, Eligibility, Plan,
// Entitlements, MovedEntitlements, Allowed, Explain, ExplainStatus), with
// the engine's argument and result types and a context.Context first, so
// that a Go program written against the Engine interface swaps a local
// engine (Local) for a remote one by changing its constructor. Decide
// answers any question with package answer's types, the service's JSON.
//
// Answers are decoded from the service's JSON (package answer: money as
// {amount, currency, minor}, durations as {seconds, nanos, text}, RFC 3339
// instants) back into the engine's types, equal to the local engine's
// answers (reflect.DeepEqual, time.Location pointers included), except a
// plan option's QuoteErr, which is the service's *Error (or sentence)
// where the engine gives its own error: the service writes each instant at
// its offset and names the zone of a case's decision (the case's, else its
// calendar's own, else UTC), in which the client puts the instants back.
// Plan asks one quote per option besides the plan. A question no request
// can carry as given is refused with ErrUnsupported rather than changed: a
// case with Pauses, a Status (or ExplainStatus) whose case's Now is not
// the instant asked about, an Allowed whose case has no priority.
//
// Errors of the service come back as *Error, whose Class is the class of
// the error the server met (fault.Of gives the same class for a remote
// decision as for a local one) and which matches, with errors.Is, the
// sentinel the server's error wrapped (rules.ErrUnknownTier, ...). A
// Client is safe for concurrent use.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/tiercel/tiercel/answer"
)

// Client calls one decision service. Make one with New; the zero value is
// not usable. A Client is immutable and safe for concurrent use.
type Client struct {
	base  string
	http  *http.Client
	token string
}

// Option configures a Client; it is applied once, by New. A nil Option
// panics in New.
type Option func(*Client)

// WithHTTPClient makes the Client send its requests with hc (for TLS
// settings, timeouts, a transport of one's own). The default, also for a
// nil hc, is a client with a 30 second timeout.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.http = hc
		}
	}
}

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
// decided (a hash of its sources), which lets a billing system record
// which price book priced an invoice. The zero value means "not known": a
// local engine (Local) has no decision log and no revision.
type Meta struct {
	DecisionID string
	Revision   string
}

// metaKey is the context key of the *Meta that WithMeta asks to be filled.
type metaKey struct{}

// WithMeta returns a context under which the next engine-typed call of a
// Client stores the decision id and revision of its answer in *m (on
// success only), so that the methods keep the local engine's results:
//
//	var meta client.Meta
//	inv, err := c.Invoice(client.WithMeta(ctx, &meta), contract, months, spends)
//	// meta.Revision is the revision of the catalog that priced inv
//
// m is written by the call, so a context made by WithMeta belongs to one
// goroutine at a time.
func WithMeta(ctx context.Context, m *Meta) context.Context {
	return context.WithValue(ctx, metaKey{}, m)
}

// report stores meta where WithMeta asked, if it did.
func report(ctx context.Context, meta Meta) {
	if m, ok := ctx.Value(metaKey{}).(*Meta); ok && m != nil {
		*m = meta
	}
}

// Decide posts body (marshalled to JSON) to POST /v1/{question} and
// decodes the result into result, a pointer to the answer type of the
// question (answer.Deadline for deadline and status, answer.Timeline,
// answer.Compare, answer.Replay, answer.Quote, answer.Eligibility for
// eligibility and plan, server.Entitlements' shape, answer.Invoice,
// answer.Allowed, answer.Explain). It returns the decision's Meta, and
// also stores it where WithMeta asked. An error answer is an *Error; a
// 200 answer without a result (not the service's) is an error of class
// fault.Internal, never a zero result.
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
	// A decision changes nothing on the server, so the request may be sent
	// again: with this header net/http's Transport resends it on a new
	// connection when a keep-alive connection the server closed as idle
	// (or while shutting down) loses it, instead of failing the call.
	req.Header.Set("Idempotency-Key", rand.Text())
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
	var d struct {
		answer.Decision
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return Meta{}, fmt.Errorf("client: decoding the %s answer: %w", question, err)
	}
	if len(d.Result) == 0 || string(d.Result) == "null" { // not a zero answer: none
		return Meta{}, fmt.Errorf("%w: the %s answer has no result", errAnswer, question)
	}
	if err := json.Unmarshal(d.Result, result); err != nil {
		return Meta{}, fmt.Errorf("client: decoding the %s answer: %w", question, err)
	}
	meta := Meta{DecisionID: d.DecisionID, Revision: d.Revision}
	report(ctx, meta)
	return meta, nil
}
