package client_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
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

func TestRemoteErrorsKeepTheirClass(t *testing.T) {
	c := remote(t, server.Config{})
	ctx := context.Background()
	_, _, err := c.Deadline(ctx, rules.Case{Tier: "platinum", Priority: slo.P1, Opened: time.Now()})
	var e *client.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 422, e.Status)
	assert.Equal(t, fault.Undecidable, fault.Of(err), "the same class as a local rules.ErrUnknownTier")
	assert.Equal(t, fault.Of(rules.ErrUnknownTier), fault.Of(err))

	var q answer.Quote
	_, err = c.Decide(ctx, "quote", map[string]any{"tier": "enhanced", "spend": "lots"}, &q)
	assert.Equal(t, fault.BadRequest, fault.Of(err))
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "spend", e.Field)

	_, err = c.Decide(ctx, "quote", map[string]any{"tier": "enhanced", "spend": "85000 USD"}, &q)
	require.NoError(t, err)
	assert.Equal(t, "6150.00 USD", q.Total.String())
}

func TestToken(t *testing.T) {
	dir := t.TempDir()
	tokens := dir + "/tokens"
	require.NoError(t, os.WriteFile(tokens, []byte("s3cret\n"), 0o600))
	ctx := context.Background()
	k := rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)}
	_, _, err := remote(t, server.Config{TokenFile: tokens}).Deadline(ctx, k)
	var e *client.Error
	require.True(t, errors.As(err, &e))
	assert.Equal(t, 401, e.Status)
	_, _, err = remote(t, server.Config{TokenFile: tokens}, client.WithToken("s3cret")).Deadline(ctx, k)
	assert.NoError(t, err)
}
