package client_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/billing"
	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
	"github.com/tiercel/tiercel/slo"
)

// question asks one question of an Engine.
type question struct {
	name string
	ask  func(ctx context.Context, e client.Engine) (any, error)
}

// agree asks every question of a local engine and of a service serving
// the same catalog, and requires the same answers (require.Equal: deep
// equality, Location pointers included; an option's QuoteErr by its
// text, see normalize).
func agree(t *testing.T, local *rules.Engine, remote *client.Client, qs []question) {
	t.Helper()
	ctx := context.Background()
	for _, q := range qs {
		t.Run(q.name, func(t *testing.T) {
			want, err := q.ask(ctx, client.Local(local))
			require.NoError(t, err)
			var meta client.Meta
			got, err := q.ask(client.WithMeta(ctx, &meta), remote)
			require.NoError(t, err)
			require.Equal(t, normalize(want), normalize(got))
			require.Len(t, meta.DecisionID, 16, "WithMeta reports the decision")
			require.NotEmpty(t, meta.Revision)
		})
	}
}

// normalize returns v with each plan option's QuoteErr, an error chain
// (the engine's wrapped error locally, the service's sentence remotely),
// replaced by its text: the one value of an answer not compared deeply.
func normalize(v any) any {
	x, ok := v.(rules.Plan)
	if !ok {
		return v
	}
	texts := make([]string, len(x.Options))
	opts := make([]rules.Option, len(x.Options))
	for i, o := range x.Options {
		if o.QuoteErr != nil {
			texts[i] = o.QuoteErr.Error()
		}
		o.QuoteErr = nil
		opts[i] = o
	}
	x.Options = opts
	return struct {
		Plan       rules.Plan
		QuoteTexts []string
	}{x, texts}
}

func date(y int, m time.Month, d, h, min int, zone string) time.Time {
	loc := time.UTC
	if zone != "" {
		loc, _ = slo.LoadZone(zone)
	}
	return time.Date(y, m, d, h, min, 0, 0, loc)
}

func TestEveryQuestionAgreesWithTheLocalEngine(t *testing.T) {
	c := remote(t, server.Config{})
	opened := date(2026, 3, 6, 16, 30, "")
	cases := []rules.Case{
		{Tier: "enhanced", Priority: slo.P2, Opened: opened},
		{Tier: "standard", Priority: slo.P3, Opened: opened, Zone: "Asia/Tokyo"},
		{Tier: "looker-premier", Priority: slo.P1, Opened: opened.Add(36 * time.Hour), Zone: "America/New_York", Country: "us"},
		{Tier: "advanced", Priority: slo.P4, Opened: opened, Zone: "Europe/Berlin"},
		{Tier: "premium", Priority: slo.P2, Opened: date(2026, 3, 6, 9, 30, "America/New_York"), Zone: "America/New_York"},
		{Tier: "looker-premier", Priority: slo.P2, Opened: opened}, // no zone: looker-24x5's own, America/Los_Angeles
	}
	var qs []question
	for _, k := range cases {
		name := k.Tier + "/" + k.Priority.String()
		qs = append(qs,
			question{"deadline/" + name, func(ctx context.Context, e client.Engine) (any, error) { return e.Deadline(ctx, k) }},
			question{"status/" + name, func(ctx context.Context, e client.Engine) (any, error) {
				return e.Status(ctx, k, k.Opened.Add(3*time.Hour))
			}},
			question{"timeline/" + name, func(ctx context.Context, e client.Engine) (any, error) {
				return e.Timeline(ctx, k, nil, k.Opened.Add(50*time.Hour))
			}})
	}
	scope := rules.Scope{Zone: "America/New_York", Country: "us", From: date(2026, 3, 2, 0, 0, "America/New_York"), To: date(2026, 3, 16, 0, 0, "America/New_York")}
	p := entitlement.Principal{ID: "user:ana@example.com", Roles: []string{"roles/cloudsupport.techSupportEditor"}}
	qs = append(qs,
		question{"compare", func(ctx context.Context, e client.Engine) (any, error) {
			return e.Compare(ctx, "looker-premier", "standard")
		}},
		question{"compareIn", func(ctx context.Context, e client.Engine) (any, error) {
			return e.CompareIn(ctx, "looker-premier", "enhanced", scope)
		}},
		question{"replay", func(ctx context.Context, e client.Engine) (any, error) {
			return e.Replay(ctx, cases[1:5], "standard", "enhanced")
		}},
		question{"allowed", func(ctx context.Context, e client.Engine) (any, error) {
			return e.Allowed(ctx, "cases.create", p, rules.Case{})
		}},
		question{"explain", func(ctx context.Context, e client.Engine) (any, error) { return e.Explain(ctx, cases[2]) }},
	)
	agree(t, rules.Default(), c, qs)
	agree(t, rules.Default(), c, contractQuestions(t))
}

// contractQuestions are the questions about prices and contracts.
func contractQuestions(t *testing.T) []question {
	contract := mustContract(t, "../examples/billing/looker-contract.yaml")
	zoned := contract
	zoned.Zone, zoned.Country, zoned.Spend = "America/New_York", "us", money.MustParseMoney("85000 USD")
	spends, err := input.LoadSpends("../examples/billing/year.csv")
	require.NoError(t, err)
	at := date(2026, 5, 1, 0, 0, "")
	tokyo, err := input.ParseContract("tokyo", []byte("tier: looker-premier\nstart: 2025-07-15\nrenewal: 2026-07-15\nzone: Asia/Tokyo\ncountry: jp\nspend: 85000 USD\n"))
	require.NoError(t, err)
	return []question{
		{"plan/dates in the contract's zone", func(ctx context.Context, e client.Engine) (any, error) { return e.Plan(ctx, tokyo, at) }},
		{"entitlements/after the move", func(ctx context.Context, e client.Engine) (any, error) {
			return e.Entitlements(ctx, tokyo, date(2026, 8, 1, 0, 0, "Asia/Tokyo"))
		}},
		{"quote", func(ctx context.Context, e client.Engine) (any, error) {
			return e.Quote(ctx, "enhanced", money.MustParseMoney("85000 USD"))
		}},
		{"quotePeriod", func(ctx context.Context, e client.Engine) (any, error) {
			return e.QuotePeriod(ctx, "premium", money.MustParseMoney("85000 USD"), billing.Period{Year: 2026, Month: 2, First: 10, Last: 28})
		}},
		{"invoice", func(ctx context.Context, e client.Engine) (any, error) {
			return e.Invoice(ctx, contract, billing.Months{Year: 2026, Month: 1, Count: 12}, spends)
		}},
		{"eligibility", func(ctx context.Context, e client.Engine) (any, error) { return e.Eligibility(ctx, zoned, at) }},
		{"plan", func(ctx context.Context, e client.Engine) (any, error) { return e.Plan(ctx, zoned, at) }},
		{"plan/no zone", func(ctx context.Context, e client.Engine) (any, error) { return e.Plan(ctx, contract, at) }},
		{"entitlements", func(ctx context.Context, e client.Engine) (any, error) { return e.Entitlements(ctx, contract, at) }},
		{"movedEntitlements", func(ctx context.Context, e client.Engine) (any, error) {
			return e.MovedEntitlements(ctx, contract, "enhanced", date(2026, 8, 1, 0, 0, ""))
		}},
	}
}

func mustContract(t *testing.T, path string) entitlement.Contract {
	t.Helper()
	c, err := input.LoadContract(path)
	require.NoError(t, err)
	return c
}

// TestQuotesWithEveryFieldAgree asks quotes of prices with a volume model,
// flat amounts, a cap and prorations other than the default, whole months
// and periods: the service's answers are the local engine's, deeply.
func TestQuotesWithEveryFieldAgree(t *testing.T) {
	const catalog = "testdata/prices.yaml"
	local, err := rules.Load(catalog)
	require.NoError(t, err)
	c := remote(t, server.Config{Catalogs: []string{catalog}})
	feb := billing.MonthPeriod(2026, time.February)
	for _, tc := range []struct {
		name, tier, spend string
		period            *billing.Period
	}{
		{"volume in the first band", "volume", "500 EUR", nil},
		{"volume in the second band", "volume", "20000 EUR", nil},
		{"volume at the cap", "volume", "900000 EUR", nil},
		{"volume, a period, full month", "volume", "20000 EUR", new(feb.Starting(10))},
		{"graduated with flat amounts", "graduated", "85000 USD", nil},
		{"graduated to the month's end", "graduated", "85000 USD", new(feb.Starting(10).Ending(20))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spend := money.MustParseMoney(tc.spend)
			var want, got billing.Quote
			if tc.period == nil {
				want, err = local.Quote(tc.tier, spend)
				require.NoError(t, err)
				got, err = c.Quote(context.Background(), tc.tier, spend)
			} else {
				want, err = local.QuotePeriod(tc.tier, spend, *tc.period)
				require.NoError(t, err)
				got, err = c.QuotePeriod(context.Background(), tc.tier, spend, *tc.period)
			}
			require.NoError(t, err)
			require.Equal(t, want, got)
			require.True(t, slices.ContainsFunc(want.Lines, func(l billing.Line) bool { return l.Flat.Minor() > 0 }), "a flat amount is charged")
		})
	}
}
