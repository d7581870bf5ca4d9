package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/entitlement"
	"github.com/tiercel/tiercel/money"
)

// TestUnsetInstants checks that an unset instant of the input is absent in
// CEL (has() is false, reading it fails) while the Unix epoch and
// 0001-01-01T00:00:00Z are instants like any other.
func TestUnsetInstants(t *testing.T) {
	epoch := time.Unix(0, 0).UTC()
	renewal := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	year1 := time.Time{}
	contract := func(renewal *time.Time) entitlement.Contract {
		return entitlement.Contract{Account: "acme", Tier: "old", Start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			Renewal: renewal, Spend: money.MustParseMoney("1000 USD")}
	}
	t.Run("migrations", func(t *testing.T) {
		tests := []struct {
			name      string
			effective string
			renewal   *time.Time
			want      time.Time
			err       string
		}{
			{"effective at the epoch", "timestamp('1970-01-01T00:00:00Z')", &renewal, epoch, ""},
			{"renewal at the epoch", "contract.renewal", &epoch, epoch, ""},
			{"renewal at the year 1", "contract.renewal", &year1, year1, ""},
			{"renewal set", "contract.renewal", &renewal, renewal, ""},
			{"renewal unset", "contract.renewal", nil, time.Time{},
				`eligibility of contract "acme": migrations.m.effective: evaluation failed: invalid contract: contract.renewal is not set`},
			{"arithmetic on an unset renewal", "contract.renewal - duration('24h')", nil, time.Time{},
				`eligibility of contract "acme": migrations.m.effective: evaluation failed: invalid contract: contract.renewal is not set`},
			{"guarded unset renewal", "has(contract.renewal) ? contract.renewal : contract.start", nil, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
			{"guarded renewal at the epoch", "has(contract.renewal) ? contract.renewal : contract.start", &epoch, epoch, ""},
			{"guarded renewal at the year 1", "has(contract.renewal) ? contract.renewal : contract.start", &year1, year1, ""},
			{"the year 1", "timestamp('0001-01-01T00:00:00Z')", &renewal, year1, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e, err := Compile("m.yaml", []byte(testTiers+"migrations:\n  m:\n    applies: 'true'\n    effective: \""+tt.effective+"\"\n    to: [same]\n"))
				require.NoError(t, err)
				el, err := e.Eligibility(contract(tt.renewal), renewal.Add(-time.Hour))
				if tt.err != "" {
					require.EqualError(t, err, tt.err)
					if tt.renewal == nil {
						assert.ErrorIs(t, err, ErrInvalidContract)
					}
					return
				}
				require.NoError(t, err)
				assert.True(t, tt.want.Equal(el.EffectiveAt), "EffectiveAt = %s, want %s", el.EffectiveAt, tt.want)
			})
		}
	})
	t.Run("a start at the year 1", func(t *testing.T) {
		e, err := Compile("m.yaml", []byte(testTiers+"migrations:\n  m:\n    applies: 'has(contract.start)'\n    effective: contract.start\n    to: [same]\n"))
		require.NoError(t, err)
		c := contract(nil)
		c.Start = year1
		el, err := e.Eligibility(c, renewal)
		require.NoError(t, err)
		assert.True(t, el.Eligible)
		assert.True(t, el.EffectiveAt.Equal(year1), "EffectiveAt = %s", el.EffectiveAt)
		assert.True(t, el.Required, "the move took effect at the year 1")
	})
	t.Run("case.opened", func(t *testing.T) {
		e, err := Compile("p.yaml", []byte(testTiers+`permissions:
  cases.has-opened: has(case.opened)
  cases.old: case.opened < timestamp('2000-01-01T00:00:00Z')
`))
		require.NoError(t, err)
		p := entitlement.Principal{ID: "user:ana@example.com"}
		tests := []struct {
			name, action string
			opened       time.Time
			allowed      bool
			err          string
		}{
			{"has the year 1", "cases.has-opened", year1, true, ""},
			{"has set", "cases.has-opened", renewal, true, ""},
			{"has the epoch", "cases.has-opened", epoch, true, ""},
			{"read the year 1", "cases.old", year1, true, ""},
			{"read the epoch", "cases.old", epoch, true, ""},
			{"read set", "cases.old", renewal, false, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d, err := e.Allowed(tt.action, p, Case{Account: "acme", Opened: tt.opened, Now: &renewal})
				if tt.err != "" {
					require.ErrorIs(t, err, ErrInvalidCase)
					assert.Contains(t, err.Error(), tt.err)
					return
				}
				require.NoError(t, err)
				assert.Equal(t, tt.allowed, d.Allowed)
			})
		}
	})
}
