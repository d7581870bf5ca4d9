package rules

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
	"github.com/tiercel/tiercel/slo"
)

// coverageCatalog has, by line: rows at 5 (P1, P2), rule fast at 9,
// migration move at 15, permission cases.view at 18.
const coverageCatalog = `version: 1
tiers:
  std:
    name: Std
    response: {P1: 1h 24x7, P2: 4h 24x7}
rules:
  - id: fast
    tiers: [std]
    when: case.attrs.vip == true
    priorities: [P1]
    within: 30m
migrations:
  move:
    to: [std]
    applies: contract.account == "a"
    effective: timestamp("2030-01-01T00:00:00Z")
permissions:
  cases.view: principal.roles.exists(r, r == "viewer")
`

// hits returns the hits of every item by "kind id outcome @line:col".
func hits(items []CoverageItem) map[string]int64 {
	out := map[string]int64{}
	for _, it := range items {
		out[fmt.Sprintf("%s %s %s @%d:%d", it.Kind, it.ID, it.Outcome, it.Line, it.Column)] = it.Hits
	}
	return out
}

func TestCoverageRecordsOutcomes(t *testing.T) {
	e, err := Compile("c.yaml", []byte(coverageCatalog))
	require.NoError(t, err)
	cov := NewCoverage(e)
	v := cov.Engine()
	opened := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	_, err = v.Deadline(Case{Tier: "std", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"vip": true}})
	require.NoError(t, err)
	_, err = v.Deadline(Case{Tier: "std", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"vip": false}})
	require.NoError(t, err)
	_, err = v.Deadline(Case{Tier: "std", Priority: slo.P1, Opened: opened, Attrs: map[string]any{"vip": false}})
	require.NoError(t, err)
	_, err = v.Allowed("cases.view", entitlement.Principal{Roles: []string{"viewer"}}, Case{})
	require.NoError(t, err)
	_, err = v.Eligibility(entitlement.Contract{Account: "b", Tier: "std"}, opened)
	require.NoError(t, err)

	assert.Equal(t, map[string]int64{
		"row tiers.std.response.P1 decided @5:20":         2,
		"row tiers.std.response.P2 decided @5:33":         0,
		"rule fast matched @9:11":                         1,
		"rule fast false @9:11":                           2,
		"migration migrations.move.applies true @15:14":   0,
		"migration migrations.move.applies false @15:14":  1,
		"permission permissions.cases.view allowed @18:3": 1,
		"permission permissions.cases.view denied @18:3":  0,
	}, hits(cov.Items()))
	for _, it := range cov.Items() {
		assert.Equal(t, "c.yaml", it.File)
	}
}

func TestCoverageLeavesTheEngineAlone(t *testing.T) {
	e, err := Compile("c.yaml", []byte(coverageCatalog))
	require.NoError(t, err)
	cov := NewCoverage(e)
	_, err = e.Deadline(Case{Tier: "std", Priority: slo.P2, Opened: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	for _, it := range cov.Items() {
		assert.Zero(t, it.Hits, "%s %s: the engine's own decisions are not recorded", it.Kind, it.ID)
	}
	assert.Nil(t, e.cov)
}

func TestCoverageConcurrent(t *testing.T) {
	cov := NewCoverage(Default())
	v := cov.Engine()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				_, err := v.Deadline(Case{Tier: "premium", Priority: slo.P1, Opened: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)})
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	var total int64
	for _, it := range cov.Items() {
		if it.ID == "tiers.premium.response.P1" {
			total += it.Hits
		}
	}
	assert.Equal(t, int64(400), total)
}

func TestCoveragePercentRoundsDown(t *testing.T) {
	tests := []struct {
		name           string
		covered, total int
		want           int
	}{
		{"all", 7, 7, 10000},
		{"none", 0, 7, 0},
		{"nothing to cover", 0, 0, 10000},
		{"two thirds", 2, 3, 6666},
		{"one short of ten thousand", 9999, 10000, 9999},
		{"one short of a hundred thousand is not 100%", 99999, 100000, 9999},
		{"one short of a million", 999999, 1000000, 9999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, CoveragePercent(tt.covered, tt.total))
		})
	}
}

func TestMergeCoverage(t *testing.T) {
	a := []CoverageItem{{Kind: CoverRule, ID: "r", Outcome: "matched", File: "f", Line: 3, Column: 1, Hits: 2}}
	b := []CoverageItem{
		{Kind: CoverRule, ID: "r", Outcome: "matched", File: "f", Line: 3, Column: 1, Hits: 1},
		{Kind: CoverRow, ID: "x", Outcome: "decided", File: "f", Line: 1, Column: 1},
	}
	got := MergeCoverage(a, b)
	require.Len(t, got, 2)
	assert.Equal(t, "x", got[0].ID)
	assert.Equal(t, int64(3), got[1].Hits)
}

func TestCoverageLifecycleConditions(t *testing.T) {
	src := `tiers:
  std:
    name: Std
    response: {P1: 1h 24x7}
    resolution: {P1: 8h 24x7}
lifecycle:
  metrics:
    resolution:
      pause: "event.status == 'on hold'"
`
	e, err := Compile("l.yaml", []byte(src))
	require.NoError(t, err)
	cov := NewCoverage(e)
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	events := []Event{
		{At: at.Add(10 * time.Minute), Type: EventMessage, By: ByAgent},
		{At: at.Add(20 * time.Minute), Type: EventStatus, Status: "on hold"},
	}
	_, err = cov.Engine().Timeline(Case{Tier: "std", Priority: slo.P1, Opened: at}, events, at.Add(time.Hour))
	require.NoError(t, err)
	got := map[string]int64{}
	for _, it := range cov.Items() {
		if it.Kind == CoverCondition {
			got[fmt.Sprintf("%s %s @%d:%d", it.ID, it.Outcome, it.Line, it.Column)] = it.Hits
		}
	}
	// The pause is asked on each event while the resolution clock runs:
	// the opening and the agent's message (false), the status change (true).
	assert.Equal(t, map[string]int64{
		"lifecycle.resolution.pause true @9:14":  1,
		"lifecycle.resolution.pause false @9:14": 2,
	}, got)
}

func TestCoveragePricesAndBands(t *testing.T) {
	src := `tiers:
  std:
    name: Std
    response: {P1: 1h 24x7}
    prices:
      - effective: 2026-01-01
        currency: USD
        bands: [{upTo: "100", rate: 10%}, {rate: 5%}]
      - effective: 2027-01-01
        currency: USD
        bands: [{upTo: "100", rate: 10%}, {rate: 4%}]
`
	e, err := Compile("p.yaml", []byte(src))
	require.NoError(t, err)
	cov := NewCoverage(e)
	v := cov.Engine()
	start := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	_, err = v.PriceAt("std", entitlement.Contract{Tier: "std", Start: start}, start)
	require.NoError(t, err)
	for _, spend := range []string{"100 USD", "100.01 USD"} { // the last cent of band 0, the first of band 1
		_, err = v.Quote("std", money.MustParseMoney(spend))
		require.NoError(t, err)
	}
	assert.Equal(t, map[string]int64{
		"price tiers.std.prices[0] used @6:9":                   1,
		"band tiers.std.prices[0].bands[0] spend inside @8:17":  0,
		"band tiers.std.prices[0].bands[1] spend inside @8:43":  0,
		"price tiers.std.prices[1] used @9:9":                   2,
		"band tiers.std.prices[1].bands[0] spend inside @11:17": 1,
		"band tiers.std.prices[1].bands[1] spend inside @11:43": 1,
		"row tiers.std.response.P1 decided @4:20":               0,
	}, hits(cov.Items()))
}

// BenchmarkDeadlineCovered is the cost of recording: a deadline on the
// default catalog, on the engine and on a Coverage's view of it.
func BenchmarkDeadlineCovered(b *testing.B) {
	c := Case{Tier: "premium", Priority: slo.P1, Opened: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	for _, bc := range []struct {
		name string
		e    *Engine
	}{{"engine", Default()}, {"covered", NewCoverage(Default()).Engine()}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.e.Deadline(c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
