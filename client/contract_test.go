package client_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
)

// TestPlanAcrossAReload: Plan asks for the plan and then each option's
// quote; when the catalog is reloaded between them, the answer would mix
// two revisions, and Plan fails with ErrRevisionChanged instead. Without
// a reload the plan is decided on one revision, which WithMeta reports.
func TestPlanAcrossAReload(t *testing.T) {
	src, err := rules.NamedCatalog("default")
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	require.NoError(t, os.WriteFile(path, src, 0o600))
	s, err := server.New(server.Config{Catalogs: []string{path}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	reload := false
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Handler().ServeHTTP(w, r)
		if reload && r.URL.Path == "/v1/plan" { // a new revision before the quotes are asked (assert: not the test's goroutine)
			assert.NoError(t, os.WriteFile(path, append(src, "\n# edited\n"...), 0o600))
			assert.NoError(t, s.Reload())
		}
	}))
	t.Cleanup(ts.Close)
	c := client.New(ts.URL)
	k := mustContract(t, "../examples/billing/looker-contract.yaml")
	k.Spend = money.MustParseMoney("85000 USD")
	at := date(2026, 5, 1, 0, 0, "")

	var meta client.Meta
	plan, err := c.Plan(client.WithMeta(context.Background(), &meta), k, at)
	require.NoError(t, err)
	assert.Len(t, plan.Options, 3)
	assert.Equal(t, s.Revision(), meta.Revision)

	reload = true
	meta = client.Meta{}
	_, err = c.Plan(client.WithMeta(context.Background(), &meta), k, at)
	require.ErrorIs(t, err, client.ErrRevisionChanged)
	assert.Equal(t, client.Meta{}, meta, "no meta for a failed question")
}

// TestPlanWithoutSpend: the options cannot be priced, and each QuoteErr
// says why in the engine's words.
func TestPlanWithoutSpend(t *testing.T) {
	k := mustContract(t, "../examples/billing/looker-contract.yaml")
	at := date(2026, 5, 1, 0, 0, "")
	want, err := rules.Default().Plan(k, at)
	require.NoError(t, err)
	got, err := remote(t, server.Config{}).Plan(context.Background(), k, at)
	require.NoError(t, err)
	require.Len(t, got.Options, len(want.Options))
	for i, o := range want.Options {
		require.Error(t, o.QuoteErr)
		assert.Error(t, got.Options[i].QuoteErr)
		assert.Equal(t, o.QuoteErr.Error(), got.Options[i].QuoteErr.Error())
		o.QuoteErr, got.Options[i].QuoteErr = nil, nil
		assert.Equal(t, o, got.Options[i])
	}
}
