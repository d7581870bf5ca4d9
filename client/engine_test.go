package client_test

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// TestAllowedOnACase asks permissions with a case, attributes and groups:
// the remote decisions are the local ones.
func TestAllowedOnACase(t *testing.T) {
	local := rules.Default()
	c := remote(t, server.Config{})
	k := rules.Case{Tier: "premium", Priority: slo.P1, Opened: time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC), Account: "acme"}
	for _, tc := range []struct {
		name   string
		action string
		p      entitlement.Principal
	}{
		{"editor creates", "cases.create", entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.techSupportEditor"}}},
		{"viewer creates", "cases.create", entitlement.Principal{ID: "user:bo@example.com", Roles: []string{"roles/cloudsupport.techSupportViewer"}}},
		{"nobody", "cases.create", entitlement.Principal{ID: "user:cy@example.com", Groups: []string{"support"}, Attrs: map[string]any{"team": "billing"}}},
		{"unknown action", "cases.teleport", entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.admin"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := local.Allowed(tc.action, tc.p, k)
			got, err := c.Allowed(context.Background(), tc.action, tc.p, k)
			if wantErr != nil {
				require.Error(t, err)
				require.Equal(t, fault.Of(wantErr), fault.Of(err))
				return
			}
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

func TestAllowedOnACaseWithoutAPriority(t *testing.T) {
	p := entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	k := rules.Case{Tier: "premium"}
	want, err := rules.Default().Allowed("cases.create", p, k)
	require.NoError(t, err, "the engine takes a case without a priority")
	require.True(t, want.Allowed)
	_, err = remote(t, server.Config{}).Allowed(context.Background(), "cases.create", p, k)
	require.ErrorIs(t, err, client.ErrUnsupported, "the service's case needs one: refused, not guessed")
}

// BenchmarkDeadline asks one deadline over loopback (a keep-alive
// connection to an httptest server in the same process) and, for scale,
// of the local engine: the client's own cost is the difference less the
// server's.
func BenchmarkDeadline(b *testing.B) {
	k := rules.Case{Tier: "standard", Priority: slo.P3, Zone: "America/New_York", Opened: time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)}
	s, err := server.New(server.Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(b, err)
	ts := httptest.NewServer(s.Handler())
	b.Cleanup(ts.Close)
	for name, e := range map[string]client.Engine{"local": client.Local(rules.Default()), "remote": client.New(ts.URL)} {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Deadline(ctx, k); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
