package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tiercel/tiercel/slo"
)

func TestCompareDefault(t *testing.T) {
	e := Default()
	kinds := func(ch []slo.Change) string {
		var parts []string
		for _, c := range ch {
			parts = append(parts, fmt.Sprintf("%s %s -> %s %s", c.Priority, c.From, c.To, c.Kind))
		}
		return strings.Join(parts, "; ")
	}
	t.Run("looker premier to enhanced keeps every response target", func(t *testing.T) {
		ch, err := e.Compare("looker-premier", "enhanced")
		require.NoError(t, err)
		require.Len(t, ch, 4)
		for _, c := range ch {
			assert.Equal(t, slo.Unchanged, c.Kind, "%s", c.Priority)
			assert.Equal(t, c.From.Within, c.To.Within)
		}
	})
	t.Run("looker premier to standard takes P1 from 1 hour to 4 hours", func(t *testing.T) {
		ch, err := e.Compare("looker-premier", "standard")
		require.NoError(t, err)
		assert.Equal(t, "P1 1h looker-24x5 -> 4h business degraded; P2 4h looker-24x5 -> 4h business unchanged; "+
			"P3 8h looker-24x5 -> 8h business unchanged; P4 8h looker-24x5 -> 8h business unchanged", kinds(ch))
		assert.Equal(t, time.Hour, ch[0].From.Within)
		assert.Equal(t, 4*time.Hour, ch[0].To.Within)
	})
	t.Run("enhanced to premium by alias", func(t *testing.T) {
		ch, err := e.Compare("advanced", "premium")
		require.NoError(t, err)
		assert.Equal(t, "P1 1h 24x7 -> 15m 24x7 improved; P2 4h 24x7 -> 2h 24x7 improved; "+
			"P3 8h business -> 4h business improved; P4 8h business -> 8h business unchanged", kinds(ch))
	})
	t.Run("added and removed priorities", func(t *testing.T) {
		e, err := Compile("rules.yaml", []byte(rulesCatalog))
		require.NoError(t, err)
		ch, err := e.Compare("basic", "enhanced")
		require.NoError(t, err)
		assert.Equal(t, "P1 4h business -> 1h 24x7 improved; P2 0s -> 4h 24x7 added; "+
			"P3 8h business -> 8h business unchanged; P4 0s -> 8h business added", kinds(ch))
	})
	t.Run("unknown tier", func(t *testing.T) {
		_, err := e.Compare("looker-premier", "platinum")
		assert.ErrorIs(t, err, ErrUnknownTier)
	})
}
