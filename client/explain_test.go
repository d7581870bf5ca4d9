package client_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// TestExplainAgrees explains cases on a catalog with rules (one matches,
// others are skipped or false) and on the default catalog, across a
// weekend and a DST change: the service's explanation is the local one.
func TestExplainAgrees(t *testing.T) {
	const tiers = "../cmd/tiercel/testdata/tiers.yaml"
	withRules, err := rules.Load(tiers)
	require.NoError(t, err)
	h, err := input.LoadCaseFile("../cmd/tiercel/testdata/explain-case.yaml")
	require.NoError(t, err)
	silver := h.Case
	silver.Now = nil
	down := silver // a P1 on a production account: the rule production-down matches
	down.Priority = slo.P1
	ny := date(2026, 3, 6, 15, 0, "America/New_York")
	standard := rules.Case{Tier: "standard", Priority: slo.P3, Opened: ny, Zone: "America/New_York"}
	explain := func(k rules.Case) func(ctx context.Context, e client.Engine) (any, error) {
		return func(ctx context.Context, e client.Engine) (any, error) { return e.Explain(ctx, k) }
	}
	status := func(k rules.Case, now time.Time) func(ctx context.Context, e client.Engine) (any, error) {
		return func(ctx context.Context, e client.Engine) (any, error) { return e.ExplainStatus(ctx, k, now) }
	}
	agree(t, withRules, remote(t, server.Config{Catalogs: []string{tiers}}), []question{
		{"rules/explain", explain(silver)},
		{"rules/explain with now", explain(h.Case)},
		{"rules/status", status(silver, h.Now)},
		{"rules/matched", explain(down)},
	})
	agree(t, rules.Default(), remote(t, server.Config{}), []question{
		{"default/explain across DST", explain(standard)},
		{"default/status", status(standard, date(2026, 3, 9, 12, 0, "America/New_York"))},
		{"default/24x7 in UTC", explain(rules.Case{Tier: "enhanced", Priority: slo.P2, Opened: date(2026, 3, 6, 16, 30, "")})},
	})
}
