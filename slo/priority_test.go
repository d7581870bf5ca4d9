package slo

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParsePriority(t *testing.T) {
	tests := []struct {
		name, in string
		want     Priority
		wantErr  string
	}{
		{name: "upper", in: "P1", want: P1},
		{name: "lower", in: "p4", want: P4},
		{name: "spaces", in: "  P2 ", want: P2},
		{name: "P3", in: "P3", want: P3},
		{name: "zero", in: "P0", wantErr: `invalid priority "P0": want one of P1, P2, P3, P4`},
		{name: "five", in: "P5", wantErr: `invalid priority "P5"`},
		{name: "empty", in: "", wantErr: `invalid priority ""`},
		{name: "digit only", in: "1", wantErr: `invalid priority "1"`},
		{name: "long", in: "P12", wantErr: `invalid priority "P12"`},
		{name: "word", in: "high", wantErr: `invalid priority "high"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePriority(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrPriority)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPriorityMethods(t *testing.T) {
	tests := []struct {
		p     Priority
		str   string
		valid bool
	}{
		{P1, "P1", true},
		{P2, "P2", true},
		{P3, "P3", true},
		{P4, "P4", true},
		{0, "Priority(0)", false},
		{5, "Priority(5)", false},
		{-1, "Priority(-1)", false},
	}
	for _, tt := range tests {
		t.Run(tt.str, func(t *testing.T) {
			assert.Equal(t, tt.str, tt.p.String())
			assert.Equal(t, tt.valid, tt.p.Valid())
		})
	}
	t.Run("all", func(t *testing.T) {
		assert.Equal(t, [4]Priority{1, 2, 3, 4}, Priorities)
	})
}

func TestPriorityText(t *testing.T) {
	t.Run("json round trip", func(t *testing.T) {
		in := map[Priority]string{P1: "a", P4: "b"}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		assert.JSONEq(t, `{"P1":"a","P4":"b"}`, string(b))
		var out map[Priority]string
		require.NoError(t, json.Unmarshal(b, &out))
		assert.Equal(t, in, out)
	})
	t.Run("invalid marshal", func(t *testing.T) {
		_, err := Priority(9).MarshalText()
		require.ErrorIs(t, err, ErrPriority)
	})
	t.Run("invalid unmarshal", func(t *testing.T) {
		var p Priority
		require.ErrorIs(t, p.UnmarshalText([]byte("P9")), ErrPriority)
		assert.Equal(t, Priority(0), p)
	})
}

func ExampleParsePriority() {
	p, err := ParsePriority("p1")
	if err != nil {
		panic(err)
	}
	fmt.Println(p, p < P2)
	_, err = ParsePriority("P5")
	fmt.Println(err)
	// Output:
	// P1 true
	// invalid priority "P5": want one of P1, P2, P3, P4
}
