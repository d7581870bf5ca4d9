package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// TestRemoteAgreesWithLocal decides the same cases on a local engine and
// through the service: the answers are equal.
func TestRemoteAgreesWithLocal(t *testing.T) {
	local := rules.Default()
	c := remote(t, server.Config{})
	ctx := context.Background()
	opened := time.Date(2026, 3, 6, 16, 30, 0, 0, time.UTC)
	for _, k := range []rules.Case{
		{Tier: "enhanced", Priority: slo.P2, Opened: opened},
		{Tier: "standard", Priority: slo.P3, Opened: opened, Zone: "Asia/Tokyo"},
		{Tier: "looker-premier", Priority: slo.P1, Opened: opened.Add(36 * time.Hour), Zone: "America/New_York", Country: "us"},
		{Tier: "advanced", Priority: slo.P4, Opened: opened, Zone: "Europe/Berlin"},
	} {
		t.Run(k.Tier+"/"+k.Priority.String(), func(t *testing.T) {
			want, err := local.Deadline(k)
			require.NoError(t, err)
			got, meta, err := c.Deadline(ctx, k)
			require.NoError(t, err)
			assert.True(t, want.Due.Equal(got.Due), "due %s, remote %s", want.Due, got.Due)
			assert.Equal(t, want.Target, got.Target)
			assert.Equal(t, want.Rule, got.Rule)
			if k.Zone != "" {
				assert.Equal(t, want.Location.String(), got.Location.String())
			}
			assert.Len(t, meta.DecisionID, 16)
			assert.NotEmpty(t, meta.Revision)

			now := k.Opened.Add(3 * time.Hour)
			wantP, err := local.Status(k, now)
			require.NoError(t, err)
			gotP, _, err := c.Status(ctx, k, now)
			require.NoError(t, err)
			assert.Equal(t, wantP.Status.Elapsed, gotP.Status.Elapsed)
			assert.Equal(t, wantP.Status.Remaining, gotP.Status.Remaining)
			assert.Equal(t, wantP.Status.Breached, gotP.Status.Breached)
			require.Len(t, gotP.Status.Warnings, len(wantP.Status.Warnings))
			for i, w := range wantP.Status.Warnings {
				assert.True(t, w.At.Equal(gotP.Status.Warnings[i].At))
				assert.Equal(t, w.Fraction, gotP.Status.Warnings[i].Fraction)
				assert.Equal(t, w.Reached, gotP.Status.Warnings[i].Reached)
			}
		})
	}
	p := entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	want, err := local.Allowed("cases.create", p, rules.Case{})
	require.NoError(t, err)
	got, _, err := c.Allowed(ctx, "cases.create", p, rules.Case{})
	require.NoError(t, err)
	assert.Equal(t, want, got)
}
