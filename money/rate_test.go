package money

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		micro int64
		str   string
	}{
		{"whole", "7%", 7_000_000, "7%"},
		{"half", "2.5%", 2_500_000, "2.5%"},
		{"eighth", "0.125%", 125_000, "0.125%"},
		{"zero", "0%", 0, "0%"},
		{"hundred", "100%", 100_000_000, "100%"},
		{"hundred with zeros", "100.000000%", 100_000_000, "100%"},
		{"trailing zeros", "3.50%", 3_500_000, "3.5%"},
		{"six places", "0.000001%", 1, "0.000001%"},
		{"leading zeros", "007%", 7_000_000, "7%"},
		{"spaces", " 10% ", 10_000_000, "10%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.micro, r.MicroPercent())
			assert.Equal(t, tt.str, r.String())
			back, err := ParseRate(r.String())
			require.NoError(t, err)
			assert.Equal(t, r, back)
		})
	}
}

func TestParseRateErrors(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"empty", "", "want a percentage"},
		{"no percent", "7", "want a percentage"},
		{"fraction", "0.07", "want a percentage"},
		{"negative", "-1%", "cannot be negative"},
		{"above hundred", "100.5%", "cannot exceed 100%"},
		{"far above", "1000000000000000000000%", "cannot exceed 100%"},
		{"seven places", "0.0000001%", "at most six decimal places"},
		{"lone percent", "%", "no digits before"},
		{"trailing point", "5.%", "no digits after"},
		{"space before percent", "5 %", "unexpected ' '"},
		{"letters", "five%", "unexpected 'f'"},
		{"double percent", "5%%", "unexpected '%'"},
		{"comma decimal", "2,5%", "unexpected ','"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ParseRate(tt.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrMalformedRate)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, Rate{}, r)
		})
	}
}

func TestNewRate(t *testing.T) {
	r, err := NewRate(125_000)
	require.NoError(t, err)
	assert.Equal(t, "0.125%", r.String())
	for _, bad := range []int64{-1, 100_000_001} {
		_, err := NewRate(bad)
		assert.ErrorIs(t, err, ErrMalformedRate, "%d", bad)
	}
	assert.True(t, Rate{}.IsZero())
	assert.Equal(t, "0%", Rate{}.String())
	assert.Panics(t, func() { MustParseRate("7") })
}

func TestRateText(t *testing.T) {
	b, err := json.Marshal(map[string]Rate{"rate": MustParseRate("2.5%")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"rate":"2.5%"}`, string(b))
	var got map[string]Rate
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, MustParseRate("2.5%"), got["rate"])
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"rate":"101%"}`), &got), ErrMalformedRate)
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"7%", "2.5%", "0.125%", "100%", "100.0000001%", "-1%", "%", "5.%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRate(s)
		if err != nil {
			return
		}
		if r.micro < 0 || r.micro > RateScale {
			t.Fatalf("ParseRate(%q) = %d out of range", s, r.micro)
		}
		back, err := ParseRate(r.String())
		if err != nil || back != r {
			t.Fatalf("round trip of %q via %q: %v, %v", s, r.String(), back, err)
		}
	})
}

func ExampleParseRate() {
	for _, s := range []string{"7%", "2.50%", "0.125%", "150%"} {
		r, err := ParseRate(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println(r, r.MicroPercent())
	}
	// Output:
	// 7% 7000000
	// 2.5% 2500000
	// 0.125% 125000
	// error: malformed rate "150%": rates cannot exceed 100%
}

func TestRateScale(t *testing.T) {
	tests := []struct {
		name  string
		rate  string
		micro int64
	}{
		{"none", "0%", 0},
		{"some", "7.5%", 7_500_000},
		{"all", "100%", RateScale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := MustParseRate(tt.rate)
			assert.Equal(t, tt.micro, r.MicroPercent())
			assert.True(t, r.InRange())
		})
	}
	t.Run("out of range", func(t *testing.T) {
		assert.False(t, Rate{micro: RateScale + 1}.InRange())
		assert.False(t, Rate{micro: -1}.InRange())
	})
}
