package client

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// TestBodiesReadBackAsTheyWereGiven writes contracts and cases as request
// bodies and reads them with package input's readers, which the service
// uses: the values are the ones written.
func TestBodiesReadBackAsTheyWereGiven(t *testing.T) {
	tokyo, err := slo.LoadZone("Asia/Tokyo")
	require.NoError(t, err)
	renewal := time.Date(2026, 7, 15, 0, 0, 0, 0, tokyo)
	for _, c := range []entitlement.Contract{
		{Tier: "enhanced", Start: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Account: "acme", Tier: "looker-premier", Start: time.Date(2025, 7, 15, 0, 0, 0, 0, tokyo), Renewal: &renewal,
			Spend: money.MustParseMoney("85000.50 USD"), Zone: "Asia/Tokyo", Country: "jp", Attrs: map[string]any{"segment": "enterprise"},
			Billing: billing.Billing{Fee: money.MustParseMoney("5000 USD"), MovesTo: "enhanced",
				Discounts: []billing.Discount{
					{Name: "partner", Rate: money.MustParseRate("12.5%"), From: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)},
					{Name: "launch", Amount: money.MustParseMoney("100 USD"), From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}},
				Commitments: []billing.Commitment{{Name: "annual", Amount: money.MustParseMoney("60000 USD"), From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}}}},
	} {
		t.Run(c.Tier, func(t *testing.T) {
			doc, err := json.Marshal(newContractBody(c))
			require.NoError(t, err)
			got, err := input.ParseContract("contract", doc)
			require.NoError(t, err)
			sameInstant(t, c.Start, &got.Start)
			if c.Renewal != nil {
				sameInstant(t, *c.Renewal, got.Renewal)
			}
			require.Equal(t, c, got)
		})
	}

	opened := time.Date(2026, 3, 5, 10, 0, 0, 123, tokyo)
	now := opened.Add(48 * time.Hour)
	k := rules.Case{Tier: "std", Priority: slo.P3, Opened: opened, Zone: "Asia/Tokyo", Language: "ja", Account: "acme", Country: "jp",
		Attrs: map[string]any{"production": true}, Now: &now}
	events := []rules.Event{
		{At: opened.Add(time.Hour), Type: "message", By: "agent"},
		{At: opened.Add(2 * time.Hour), Type: "priority", Priority: slo.P1, Attrs: map[string]any{"reason": "down"}},
		{At: opened.Add(3 * time.Hour), Type: "status", Status: "waiting on customer"},
		{At: opened.Add(4 * time.Hour), Type: "tier", Tier: "premium"},
	}
	body, err := newCaseBody(k, nil)
	require.NoError(t, err)
	doc, err := json.Marshal(withEvents(body, events))
	require.NoError(t, err)
	h, err := input.ParseCaseFile("case", doc)
	require.NoError(t, err)
	sameInstant(t, k.Opened, &h.Case.Opened)
	sameInstant(t, now, h.Case.Now)
	sameInstant(t, now, &h.Now)
	for i := range events {
		sameInstant(t, events[i].At, &h.Events[i].At)
	}
	require.Equal(t, k, h.Case)
	require.Equal(t, events, h.Events)
}

// sameInstant requires *got to be the instant want, and makes it want:
// the reader keeps an instant's offset as a fixed zone, so only the
// location differs.
func sameInstant(t *testing.T, want time.Time, got *time.Time) {
	t.Helper()
	require.True(t, want.Equal(*got), "%s, read back as %s", want, *got)
	*got = want
}
