package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompileMigrationErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"applies not bool", testTiers + `migrations:
  m:
    applies: tier.family
    effective: contract.renewal
    to: [same]
`, "m.yaml:24:14: migrations.m.applies: must be bool, got string"},
		{"effective not a timestamp", testTiers + `migrations:
  m:
    applies: tier.family == 'old'
    effective: contract.account
    to: [same]
`, "m.yaml:25:16: migrations.m.effective: must be a timestamp, got string"},
		{"unknown target tier", testTiers + `migrations:
  m:
    applies: tier.family == 'old'
    effective: contract.renewal
    to: [same, gold]
`, `m.yaml:26:16: migrations.m.to[1]: unknown tier "gold"`},
		{"target listed twice by alias", testTiers + `migrations:
  m:
    applies: tier.family == 'old'
    effective: contract.renewal
    to: [fast, quick]
`, `m.yaml:26:16: migrations.m.to[1]: "quick" is tier "fast", already listed as "fast"`},
		{"errors inside expressions", testTiers + `migrations:
  m:
    applies: tier.family == 'old' && contract.renwal > now
    effective: contract.renewal
    holdPriceUntil: "1"
    to: [same]
    grants:
      - from: now + 1
        until: timestamp('2024-01-01T00:00:00Z')
        channels: [console]
`, "m.yaml:24:46: migrations.m.applies: undefined field 'renwal'\n" +
			"m.yaml:26:21: migrations.m.holdPriceUntil: must be a timestamp, got int\n" +
			"m.yaml:29:19: migrations.m.grants[0].from: found no matching overload for '_+_' applied to '(timestamp, int)'"},
		{"missing keys", testTiers + `migrations:
  m:
    applies: "true"
    to: []
`, "m.yaml:23:3: migrations.m: missing required key \"effective\"\n" +
			"m.yaml:25:9: migrations.m.to: at least one target tier is required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Compile("m.yaml", []byte(tt.src))
			require.ErrorIs(t, err, ErrInvalidCatalog)
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, e)
		})
	}
	t.Run("duplicate across files", func(t *testing.T) {
		a := testTiers + "migrations:\n  m:\n    applies: 'true'\n    effective: now\n    to: [same]\n"
		b := "migrations:\n  m:\n    applies: 'true'\n    effective: now\n    to: [fast]\n"
		_, err := compileFiles([]string{"a.yaml", "b.yaml"}, [][]byte{[]byte(a), []byte(b)})
		assert.EqualError(t, err, `b.yaml:2:3: migrations.m: duplicate migration "m" (first defined at a.yaml:23:3)`)
	})
	t.Run("unknown target tier is ErrUnknownTier", func(t *testing.T) {
		_, err := Compile("m.yaml", []byte(testTiers+"migrations:\n  m:\n    applies: 'true'\n    effective: now\n    to: [gold]\n"))
		require.ErrorIs(t, err, ErrUnknownTier)
		var pe *Error
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "migrations.m.to[0]", pe.Path)
	})
}
