package slo

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCompare(t *testing.T) {
	h := time.Hour
	premier := Table{P1: {h, "looker-24x5"}, P2: {4 * h, "looker-24x5"}, P3: {8 * h, "looker-24x5"}, P4: {8 * h, "looker-24x5"}}
	standard := Table{P1: {4 * h, "business"}, P2: {4 * h, "business"}, P3: {8 * h, "business"}, P4: {8 * h, "business"}}
	premium := Table{P1: {15 * time.Minute, "24x7"}, P2: {2 * h, "24x7"}, P3: {4 * h, "business"}}
	tests := []struct {
		name     string
		from, to Table
		want     []ChangeKind
		prios    []Priority
	}{
		{name: "premier to standard", from: premier, to: standard,
			want: []ChangeKind{Degraded, Unchanged, Unchanged, Unchanged}, prios: []Priority{P1, P2, P3, P4}},
		{name: "standard to premium", from: standard, to: premium,
			want: []ChangeKind{Improved, Improved, Improved, Removed}, prios: []Priority{P1, P2, P3, P4}},
		{name: "premium to standard", from: premium, to: standard,
			want: []ChangeKind{Degraded, Degraded, Degraded, Added}, prios: []Priority{P1, P2, P3, P4}},
		{name: "same", from: premium, to: premium,
			want: []ChangeKind{Unchanged, Unchanged, Unchanged}, prios: []Priority{P1, P2, P3}},
		{name: "both empty", from: nil, to: Table{}},
		{name: "invalid keys ignored", from: Table{7: {h, "x"}}, to: Table{P2: {h, "x"}},
			want: []ChangeKind{Added}, prios: []Priority{P2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Compare(tt.from, tt.to)
			require.Len(t, got, len(tt.want))
			for i, c := range got {
				assert.Equal(t, tt.prios[i], c.Priority)
				assert.Equal(t, tt.want[i], c.Kind, c.String())
				assert.Equal(t, tt.from[c.Priority], c.From)
				assert.Equal(t, tt.to[c.Priority], c.To)
			}
		})
	}
	t.Run("calendar change is unchanged", func(t *testing.T) {
		got := Compare(Table{P3: {8 * h, "24x7"}}, Table{P3: {8 * h, "business"}})
		require.Len(t, got, 1)
		assert.Equal(t, Unchanged, got[0].Kind)
		assert.True(t, got[0].CalendarChanged())
		assert.Equal(t, "P3: 8h 24x7 -> 8h business (unchanged)", got[0].String())
	})
	t.Run("added string", func(t *testing.T) {
		got := Compare(nil, Table{P1: {h, "24x7"}})
		assert.Equal(t, "P1: none -> 1h 24x7 (added)", got[0].String())
		assert.False(t, got[0].CalendarChanged())
	})
}

func TestChangeKind(t *testing.T) {
	for k, want := range map[ChangeKind]string{Unchanged: "unchanged", Improved: "improved", Degraded: "degraded",
		Added: "added", Removed: "removed", Mixed: "mixed", 9: "ChangeKind(9)"} {
		t.Run(want, func(t *testing.T) {
			assert.Equal(t, want, k.String())
			b, err := k.MarshalText()
			if k > Mixed {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			var back ChangeKind
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, k, back)
		})
	}
	t.Run("json", func(t *testing.T) {
		b, err := json.Marshal(Change{Priority: P1, From: Target{time.Hour, "24x7"}, To: Target{4 * time.Hour, "business"}, Kind: Degraded})
		require.NoError(t, err)
		assert.JSONEq(t, `{"Priority":"P1","From":"1h 24x7","To":"4h business","Kind":"degraded"}`, string(b))
	})
	t.Run("json with effect", func(t *testing.T) {
		e := &Effect{Kind: Mixed, Min: -time.Hour, Max: 64 * time.Hour}
		b, err := json.Marshal(Change{Priority: P3, From: Target{8 * time.Hour, "looker-24x5"}, To: Target{8 * time.Hour, "business"}, Effect: e})
		require.NoError(t, err)
		var back Change
		require.NoError(t, json.Unmarshal(b, &back))
		require.NotNil(t, back.Effect)
		assert.Equal(t, *e, *back.Effect)
		assert.Contains(t, string(b), `"Kind":"mixed"`)
	})
	t.Run("string with effect", func(t *testing.T) {
		c := Change{Priority: P3, From: Target{8 * time.Hour, "looker-24x5"}, To: Target{8 * time.Hour, "business"},
			Effect: &Effect{Kind: Degraded, Max: 64 * time.Hour}}
		assert.Equal(t, "P3: 8h looker-24x5 -> 8h business (unchanged; effectively degraded (0, +64h))", c.String())
	})
	t.Run("bad text", func(t *testing.T) {
		var k ChangeKind
		require.ErrorContains(t, k.UnmarshalText([]byte("better")), `invalid change kind "better": want unchanged, improved, degraded, added, removed or mixed`)
	})
}
