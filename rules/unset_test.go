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
// CEL (has() is false, reading it fails) while the Unix epoch is an
// instant like any other.
func TestUnsetInstants(t *testing.T) {
	epoch := time.Unix(0, 0).UTC()
	renewal := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	contract := func(renewal time.Time) entitlement.Contract {
		return entitlement.Contract{Account: "acme", Tier: "old", Start: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			Renewal: renewal, Spend: money.MustParseMoney("1000 USD")}
	}
	t.Run("migrations", func(t *testing.T) {
		tests := []struct {
			name      string
			effective string
			renewal   time.Time
			want      time.Time
			err       string
		}{
			{"effective at the epoch", "timestamp('1970-01-01T00:00:00Z')", renewal, epoch, ""},
			{"renewal at the epoch", "contract.renewal", epoch, epoch, ""},
			{"renewal set", "contract.renewal", renewal, renewal, ""},
			{"renewal unset", "contract.renewal", time.Time{}, time.Time{},
				`eligibility of contract "acme": migrations.m.effective: evaluation failed: invalid contract: contract.renewal is not set`},
			{"arithmetic on an unset renewal", "contract.renewal - duration('24h')", time.Time{}, time.Time{},
				`eligibility of contract "acme": migrations.m.effective: evaluation failed: invalid contract: contract.renewal is not set`},
			{"guarded unset renewal", "has(contract.renewal) ? contract.renewal : contract.start", time.Time{}, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), ""},
			{"guarded renewal at the epoch", "has(contract.renewal) ? contract.renewal : contract.start", epoch, epoch, ""},
			{"the zero time", "timestamp('0001-01-01T00:00:00Z')", renewal, time.Time{},
				`eligibility of contract "acme": migrations.m.effective: evaluation failed: got 0001-01-01T00:00:00Z, the zero time, which stands for no date`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				e, err := Compile("m.yaml", []byte(testTiers+"migrations:\n  m:\n    applies: 'true'\n    effective: \""+tt.effective+"\"\n    to: [same]\n"))
				require.NoError(t, err)
				el, err := e.Eligibility(contract(tt.renewal), renewal.Add(-time.Hour))
				if tt.err != "" {
					require.EqualError(t, err, tt.err)
					if tt.renewal.IsZero() {
						assert.ErrorIs(t, err, ErrInvalidContract)
					}
					return
				}
				require.NoError(t, err)
				assert.True(t, tt.want.Equal(el.EffectiveAt), "EffectiveAt = %s, want %s", el.EffectiveAt, tt.want)
			})
		}
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
			{"has unset", "cases.has-opened", time.Time{}, false, ""},
			{"has set", "cases.has-opened", renewal, true, ""},
			{"has the epoch", "cases.has-opened", epoch, true, ""},
			{"read unset", "cases.old", time.Time{}, false, "permissions.cases.old: evaluation failed: invalid case: case.opened is not set"},
			{"read the epoch", "cases.old", epoch, true, ""},
			{"read set", "cases.old", renewal, false, ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				d, err := e.Allowed(tt.action, p, Case{Account: "acme", Opened: tt.opened, Now: renewal})
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
