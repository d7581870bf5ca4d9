package input

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/money"
)

// One key set for every contract: the command's files and the suites'
// questions read the same keys with the same reader.
func TestParseContract(t *testing.T) {
	src := `account: acme
tier: looker-premier
zone: Asia/Tokyo
country: jp
start: 2025-07-15
renewal: 2026-07-15T09:00
spend: "85000 USD"
fee: "5000 USD"
movesTo: enhanced
discounts:
  - {name: partner, rate: 10%, from: 2026-10-01}
commitments:
  - {name: annual, amount: "60000 USD", from: 2026-01-01, until: 2027-01-01}
attrs: {region: emea, seats: 12}
`
	c, err := ParseContract("c.yaml", []byte(src))
	require.NoError(t, err)
	tokyo := zone(t, "Asia/Tokyo")
	assert.Equal(t, "acme", c.Account)
	assert.Equal(t, "looker-premier", c.Tier)
	assert.Equal(t, "jp", c.Country)
	assert.True(t, time.Date(2025, 7, 15, 0, 0, 0, 0, tokyo).Equal(c.Start), "a date is its first instant in the contract's zone: %s", c.Start)
	assert.True(t, time.Date(2026, 7, 15, 9, 0, 0, 0, tokyo).Equal(*c.Renewal), "a local time in the contract's zone")
	assert.Equal(t, money.MustParseMoney("85000 USD"), c.Spend)
	assert.Equal(t, money.MustParseMoney("5000 USD"), c.Billing.Fee)
	assert.Equal(t, "enhanced", c.Billing.MovesTo)
	require.Len(t, c.Billing.Discounts, 1)
	assert.Equal(t, time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), c.Billing.Discounts[0].From, "billing months are UTC months")
	require.Len(t, c.Billing.Commitments, 1)
	assert.Equal(t, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), c.Billing.Commitments[0].Until)
	assert.Equal(t, map[string]any{"region": "emea", "seats": 12}, c.Attrs)
}

// Every error of a contract file is listed at once.
func TestParseContractErrors(t *testing.T) {
	src := "account: acme\nstart: 1st of July\nfee: 12 dollars\ncolour: red\ndiscounts:\n  - {rate: 10%, from: soon}\n"
	_, err := ParseContract("c.yaml", []byte(src))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalidContract)
	assert.ErrorIs(t, err, ErrInvalidFile)
	assert.Equal(t, strings.Join([]string{
		`c.yaml:1:1: missing required key "tier"`,
		`c.yaml:2:8: start: invalid time "1st of July": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`,
		`c.yaml:3:6: fee: unknown currency "dollars" (want an ISO 4217 code such as USD, EUR or JPY)`,
		`c.yaml:4:1: colour: unknown key "colour" (want one of account, tier, start, renewal, spend, zone, country, fee, movesTo, discounts, commitments, attrs)`,
		`c.yaml:6:23: discounts[0].from: invalid time "soon": want RFC 3339 (2026-03-02T10:00:00Z), a local time (2026-03-02T10:00) or a date (2026-03-02)`,
	}, "\n"), err.Error())
}

func TestLoadContract(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(path, []byte("tier: enhanced\n"), 0o600))
	c, err := LoadContract(path)
	require.NoError(t, err)
	assert.Equal(t, "enhanced", c.Tier)
	_, err = LoadContract(filepath.Join(dir, "missing.yaml"))
	assert.ErrorIs(t, err, ErrInvalidContract)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// TestContractYearOne checks that a contract's dates at 0001-01-01 are
// instants: a renewal there is given (not absent), and an until there, which
// billing would read as open-ended, is refused.
func TestContractYearOne(t *testing.T) {
	c, err := ParseContract("c.yaml", []byte("tier: enhanced\nstart: 0001-01-01T00:00:00Z\nrenewal: 0001-01-01\n"))
	require.NoError(t, err)
	require.NotNil(t, c.Renewal, "a renewal at the year 1 is given")
	assert.True(t, c.Renewal.IsZero())
	assert.True(t, c.Start.IsZero())
	c, err = ParseContract("c.yaml", []byte("tier: enhanced\n"))
	require.NoError(t, err)
	assert.Nil(t, c.Renewal, "no renewal written: none")
	_, err = ParseContract("c.yaml", []byte("tier: enhanced\ndiscounts:\n  - {rate: 10%, from: 2026-01-01, until: 0001-01-01}\n"))
	require.ErrorIs(t, err, ErrInvalidContract)
	assert.EqualError(t, err, "c.yaml:3:42: discounts[0].until: until 0001-01-01T00:00:00Z is not after any from: leave until out for an open-ended term")
}
