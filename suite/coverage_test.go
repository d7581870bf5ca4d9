package suite

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/rules"
)

// TestCoverageOfTheDefaultSuite checks the coverage of the default
// catalog's own suite against counts made by hand from
// rules/catalog/default.yaml and rules/catalog/default_test.yaml:
//
//   - rows: 4 tiers (standard, enhanced, premium, looker-premier) x the
//     response metric (the only one they write) x P1-P4 = 16. The deadline
//     tests ask enhanced P1-P4, premium P1-P4 and standard P1-P4 (12); of
//     looker-premier they ask P1, P2 and P3, never P4 (3), and the replay
//     from looker-premier to enhanced has P1, P2 and P3 cases only: 15.
//   - rules: the catalog has no rules section: 0 of 0.
//   - migrations: looker-to-customer-care, applies true (a looker premier
//     contract) and false ("a customer care contract has no migration"):
//     2 of 2.
//   - permissions: 7 actions (cases.view, .create, .comment, .attach,
//     .update, .escalate, chat.use) x allowed/denied = 14. The allowed
//     tests cover cases.create both ways, cases.view allowed, cases.comment
//     denied, cases.update allowed, cases.escalate both ways and chat.use
//     both ways: 9; cases.attach is never asked.
//   - prices: standard, enhanced and premium write one price each,
//     looker-premier none: 3, each quoted: 3 of 3.
//   - bands: standard 1, enhanced 4 (up to 10000, 80000, 250000, above),
//     premium 4 (up to 150000, 500000, 1000000, above) = 9. Spends quoted:
//     standard 85000 and 500 (its only band); enhanced 500 (band 0),
//     85000 and 85000.50 (band 2), 1200000 (band 3), never 10000-80000;
//     premium 100000 and 150000 (band 0), 1200000 (band 3), never
//     150000-1000000; eligibility quotes 1200000 again: 1+3+2 = 6 of 9.
//   - conditions: the catalog writes no lifecycle: 0 of 0.
func TestCoverageOfTheDefaultSuite(t *testing.T) {
	s, err := Load("../rules/catalog/default_test.yaml")
	require.NoError(t, err)
	results, cov := s.RunCovered()
	require.NotNil(t, cov)
	for _, r := range results {
		require.True(t, r.Passed, r.String())
	}
	type count struct{ covered, total int }
	want := map[string]count{
		rules.CoverRow:        {15, 16},
		rules.CoverMigration:  {2, 2},
		rules.CoverPermission: {9, 14},
		rules.CoverPrice:      {3, 3},
		rules.CoverBand:       {6, 9},
	}
	got := map[string]count{}
	var uncovered []string
	for _, it := range cov.Items() {
		assert.Equal(t, "default.yaml", it.File)
		c := got[it.Kind]
		c.total++
		if it.Hits > 0 {
			c.covered++
		} else {
			uncovered = append(uncovered, it.ID+" "+it.Outcome)
		}
		got[it.Kind] = c
	}
	assert.Equal(t, want, got)
	assert.ElementsMatch(t, []string{
		"tiers.looker-premier.response.P4 decided",
		"permissions.cases.view denied", "permissions.cases.comment allowed",
		"permissions.cases.attach allowed", "permissions.cases.attach denied",
		"permissions.cases.update denied",
		"tiers.enhanced.price.bands[1] spend inside",
		"tiers.premium.price.bands[1] spend inside", "tiers.premium.price.bands[2] spend inside",
	}, uncovered)
}

func TestRunCoveredCatalogDoesNotLoad(t *testing.T) {
	s, err := Parse("testdata/x_test.yaml", []byte("version: 1\ncatalog: [nope.yaml]\ntests:\n  - name: a\n    quote: {tier: a, spend: 1 USD}\n    expect: {error: x}\n"))
	require.NoError(t, err)
	results, cov := s.RunCovered()
	assert.Nil(t, cov)
	require.Len(t, results, 1)
	assert.False(t, results[0].Passed)
}

func TestRunEngineCoveredCounts(t *testing.T) {
	s, err := Load("testdata/small_test.yaml")
	require.NoError(t, err)
	e, err := s.Engine()
	require.NoError(t, err)
	_, cov := s.RunEngineCovered(e)
	var hits int64
	for _, it := range cov.Items() {
		hits += it.Hits
	}
	assert.Positive(t, hits)
}
