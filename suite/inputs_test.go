package suite

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

func TestCaseInput(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	read := func(p *parser, f field) (rules.Case, bool) { return p.kase(f, &now, "tier") }
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	t.Run("every key", func(t *testing.T) {
		c, ok, msg := readValue(t, "v: {tier: gold, priority: p2, opened: 2026-03-02, zone: Asia/Tokyo, country: jp, "+
			"pauses: [{start: 2026-03-02T01:00:00Z, end: 2026-03-02T02:00:00Z}]}", read)
		require.True(t, ok, msg)
		assert.Equal(t, rules.Case{
			Tier: "gold", Priority: slo.P2, Opened: time.Date(2026, 3, 2, 0, 0, 0, 0, tokyo), Zone: "Asia/Tokyo", Country: "jp",
			Now:    &now,
			Pauses: []slo.Interval{{Start: time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC), End: time.Date(2026, 3, 2, 2, 0, 0, 0, time.UTC)}},
		}, c)
	})
	t.Run("its own now wins", func(t *testing.T) {
		c, _, _ := readValue(t, "v: {tier: gold, now: 2026-03-03}", read)
		assert.Equal(t, new(time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC)), c.Now)
	})
	t.Run("its own now wins even at the year 1", func(t *testing.T) {
		c, _, _ := readValue(t, "v: {tier: gold, now: 0001-01-01T00:00:00Z}", read)
		assert.Equal(t, new(time.Time{}), c.Now, "0001-01-01T00:00:00Z is an instant, not the absence of now")
	})
	t.Run("a date is midnight in the case's zone", func(t *testing.T) {
		c, ok, msg := readValue(t, "v: {tier: gold, opened: 2026-03-06, zone: Asia/Tokyo, now: 2026-03-06T16:30}", read)
		require.True(t, ok, msg)
		assert.Equal(t, "2026-03-05T15:00:00Z", c.Opened.UTC().Format(time.RFC3339), "as --opened 2026-03-06 --zone Asia/Tokyo")
		assert.Equal(t, "2026-03-06T07:30:00Z", c.Now.UTC().Format(time.RFC3339), "a local time in the case's zone")
	})
	tests := []struct {
		name, src, err string
	}{
		{"the required key", "v: {priority: P1}", `v.yaml:1:1: v: missing required key "tier"`},
		{"a pause without its end", "v: {tier: a, pauses: [{start: 2026-03-02}]}", `v.yaml:1:23: v.pauses[0]: missing required key "end"`},
		{"an unknown key", "v: {tier: a, colour: red}",
			`v.yaml:1:14: v.colour: unknown key "colour" (want one of tier, priority, opened, zone, language, account, country, attrs, now, pauses)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, msg := readValue(t, tt.src, read)
			assert.Equal(t, tt.err, msg)
		})
	}
}

func TestContractAtInput(t *testing.T) {
	now := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	read := func(now *time.Time) func(p *parser, f field) (contractAt, bool) {
		return func(p *parser, f field) (contractAt, bool) {
			fields, _ := p.question(f, []string{"contract", "at", "movedTo"}, "contract")
			return p.contractAt(f, fields, now)
		}
	}
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	t.Run("dates are midnight in the contract's zone", func(t *testing.T) {
		in, ok, msg := readValue(t, "v: {contract: {tier: a, zone: Asia/Tokyo, renewal: 2026-09-01, spend: 10 USD}, movedTo: b}", read(&now))
		require.True(t, ok, msg)
		assert.Equal(t, new(time.Date(2026, 9, 1, 0, 0, 0, 0, tokyo)), in.contract.Renewal)
		assert.Equal(t, now, in.at, "at defaults to the test's now")
		assert.Equal(t, "b", in.movedTo)
		assert.Equal(t, entitlement.Contract{Tier: "a", Zone: "Asia/Tokyo", Renewal: in.contract.Renewal, Spend: in.contract.Spend}, in.contract)
	})
	tests := []struct {
		name, src, err string
	}{
		{"no at and no now", "v: {contract: {tier: a}}", `v.yaml:1:1: v: missing at: give at here or now in the test or the suite`},
		{"no contract: nothing else is read", "v: {at: never}", `v.yaml:1:1: v: missing required key "contract"`},
		{"a bad zone stops the contract", "v: {contract: {tier: a, zone: Nowhere, start: x}, at: 2026-01-01}",
			`v.yaml:1:31: v.contract.zone: unknown time zone "Nowhere"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok, msg := readValue(t, tt.src, read(nil))
			assert.False(t, ok)
			assert.Equal(t, tt.err, msg)
		})
	}
}

// A test's expected instants and its now are read in the zone of its case
// or contract, as its case's are: the same local time means one instant.
func TestExpectationsInTheCaseZone(t *testing.T) {
	src := `tests:
  - name: a local expectation in Tokyo
    deadline: {tier: enhanced, priority: P1, opened: 2026-03-06T10:00, zone: Asia/Tokyo}
    expect: {due: 2026-03-06T11:00}
  - name: a UTC expectation without a zone
    deadline: {tier: enhanced, priority: P1, opened: 2026-03-06T10:00}
    expect: {due: 2026-03-06T11:00}
`
	s, err := Parse("t.yaml", []byte(src))
	require.NoError(t, err)
	for _, r := range s.Run() {
		assert.True(t, r.Passed, "%s", r)
	}
}
