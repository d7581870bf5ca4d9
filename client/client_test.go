package client_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// remote serves cfg on 127.0.0.1 and returns a client of it.
func remote(t *testing.T, cfg server.Config, opts ...client.Option) *client.Client {
	t.Helper()
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := server.New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return client.New(ts.URL, opts...)
}

// TestWithMeta: a call under WithMeta reports the decision id and the
// revision of the catalog that decided, as Decide returns them; a failed
// call reports nothing.
func TestWithMeta(t *testing.T) {
	c := remote(t, server.Config{})
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	var meta client.Meta
	_, err := c.Deadline(client.WithMeta(context.Background(), &meta), k)
	require.NoError(t, err)
	assert.Len(t, meta.DecisionID, 16)
	assert.NotEmpty(t, meta.Revision)

	var again client.Meta
	var d answer.Deadline
	got, err := c.Decide(client.WithMeta(context.Background(), &again), "deadline", map[string]any{"tier": "enhanced", "priority": "P2", "opened": "2026-03-06T16:30:00Z"}, &d)
	require.NoError(t, err)
	assert.Equal(t, got, again)
	assert.Equal(t, meta.Revision, again.Revision, "one catalog, one revision")
	assert.NotEqual(t, meta.DecisionID, again.DecisionID, "one id a decision")

	failed := client.Meta{DecisionID: "before"}
	k.Tier = "platinum"
	_, err = c.Deadline(client.WithMeta(context.Background(), &failed), k)
	require.Error(t, err)
	assert.Equal(t, client.Meta{DecisionID: "before"}, failed)
	_, err = c.Deadline(client.WithMeta(context.Background(), nil), rules.Case{Tier: "enhanced", Priority: slo.P1})
	assert.NoError(t, err, "a nil *Meta is not written")
}

// TestAnAnswerNotFromTheService: a proxy's page instead of the service's
// answer is an *Error with the status and the start of the page.
func TestAnAnswerNotFromTheService(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>" + strings.Repeat("bad gateway ", 50) + "</html>"))
	}))
	t.Cleanup(ts.Close)
	_, err := client.New(ts.URL+"/").Compare(context.Background(), "standard", "enhanced")
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 502, e.Status)
	assert.Equal(t, "http", e.Code)
	assert.Len(t, e.Message, 200)
	assert.Equal(t, fault.Internal, fault.Of(err))

	_, err = client.New(ts.URL, client.WithHTTPClient(nil)).Compare(context.Background(), "standard", "enhanced")
	require.ErrorAs(t, err, &e, "a nil *http.Client keeps the default")

	ok := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("{not json")) }))
	t.Cleanup(ok.Close)
	_, err = client.New(ok.URL).Compare(context.Background(), "standard", "enhanced")
	assert.ErrorContains(t, err, "decoding the compare answer")

	for _, body := range []string{`{"decisionId":"d","revision":"r"}`, `{"decisionId":"d","revision":"r","result":null}`} {
		none := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(body)) }))
		t.Cleanup(none.Close)
		_, err = client.New(none.URL).Deadline(context.Background(), rules.Case{Tier: "enhanced", Priority: slo.P1})
		require.Error(t, err, "a 200 without a result is no answer, not a zero deadline: %s", body)
		assert.ErrorContains(t, err, "the deadline answer has no result")
		assert.Equal(t, fault.Internal, fault.Of(err))
	}

	const noStatus = `{"decisionId":"d","revision":"r","result":{"tier":"enhanced","priority":"P1","opened":"2026-03-06T16:30:00Z",` +
		`"zone":"UTC","due":"2026-03-06T17:30:00Z","target":null,"rule":"tiers.enhanced.response.P1"}}`
	deadlineOnly := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(noStatus)) }))
	t.Cleanup(deadlineOnly.Close)
	k := rules.Case{Tier: "enhanced", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	_, err = client.New(deadlineOnly.URL).Status(context.Background(), k, k.Opened.Add(time.Hour))
	assert.ErrorContains(t, err, "the answer has no status", "a status answer without its status is no answer, not a zero status")
	_, err = client.New(deadlineOnly.URL).ExplainStatus(context.Background(), k, k.Opened.Add(time.Hour))
	assert.Error(t, err)
}

// TestOnTheRealListener asks the service as `tiercel serve` runs it
// (Server.Serve on a loopback listener, with its timeouts), and asks again
// once it has shut down: a transport error, not an *Error.
func TestOnTheRealListener(t *testing.T) {
	s, err := server.New(server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	c := client.New("http://" + ln.Addr().String())
	k := rules.Case{Tier: "premium", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	want, err := rules.Default().Deadline(k)
	require.NoError(t, err)
	got, err := c.Deadline(context.Background(), k)
	require.NoError(t, err)
	require.Equal(t, want, got)

	stop()
	require.NoError(t, <-served)
	_, err = c.Deadline(context.Background(), k)
	var e *client.Error
	require.Error(t, err)
	assert.False(t, errors.As(err, &e), "no answer of the service: %v", err)
}

// TestResentWhenAKeptConnectionIsLost: the service closes a kept-alive
// connection as the second request arrives on it (as a server closing idle
// connections, or shutting down, may), without answering; the client
// sends the decision again on a new connection rather than failing, and
// every request carries its own Idempotency-Key.
func TestResentWhenAKeptConnectionIsLost(t *testing.T) {
	s, err := server.New(server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	var mu sync.Mutex
	var keys []string
	requests := 0
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		requests++
		n := requests
		keys = append(keys, r.Header.Get("Idempotency-Key"))
		mu.Unlock()
		if n == 2 { // the second request, on the kept connection: dropped unanswered
			conn, _, err := w.(http.Hijacker).Hijack()
			if assert.NoError(t, err) {
				_ = conn.Close()
			}
			return
		}
		s.Handler().ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	c := client.New(ts.URL)
	k := rules.Case{Tier: "premium", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	for i := range 2 {
		_, err := c.Deadline(context.Background(), k)
		require.NoError(t, err, "call %d", i+1)
	}
	mu.Lock()
	defer mu.Unlock()
	require.Equal(t, 3, requests, "the lost request is sent once more")
	for _, k := range keys {
		assert.NotEmpty(t, k)
	}
	assert.Equal(t, keys[1], keys[2], "the resent request is the same request")
	assert.NotEqual(t, keys[0], keys[1], "each decision has its own key")
}
