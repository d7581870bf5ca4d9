package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

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
