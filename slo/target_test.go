package slo

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		name, in string
		want     Target
		str      string
		wantErr  string
	}{
		{name: "hour 24x7", in: "1h 24x7", want: Target{time.Hour, "24x7"}, str: "1h 24x7"},
		{name: "minutes business", in: "15m business", want: Target{15 * time.Minute, "business"}, str: "15m business"},
		{name: "mixed", in: "1h30m looker-24x5", want: Target{90 * time.Minute, "looker-24x5"}, str: "1h30m looker-24x5"},
		{name: "trailing zero units", in: "1h0m0s 24x7", want: Target{time.Hour, "24x7"}, str: "1h 24x7"},
		{name: "minutes over an hour", in: "90m x", want: Target{90 * time.Minute, "x"}, str: "1h30m x"},
		{name: "extra space", in: "  8h\tbusiness ", want: Target{8 * time.Hour, "business"}, str: "8h business"},
		{name: "empty", in: "", wantErr: `invalid target "": empty`},
		{name: "no calendar", in: "1h", wantErr: `invalid target "1h": missing calendar`},
		{name: "too many", in: "1h 24x7 now", wantErr: "too many words"},
		{name: "bad duration", in: "1d 24x7", wantErr: `bad duration "1d"`},
		{name: "zero", in: "0s 24x7", wantErr: "duration must be positive"},
		{name: "negative", in: "-1h 24x7", wantErr: "duration must be positive"},
		{name: "bad calendar", in: "1h bus/iness", wantErr: `invalid character '/'`},
		{name: "sub-nanosecond", in: "1.5ns 24x7", wantErr: `invalid target "1.5ns 24x7": duration "1.5ns" is finer than a nanosecond`},
		{name: "sub-nanosecond part", in: "1h0.5ns 24x7", wantErr: `invalid target "1h0.5ns 24x7": duration "1h0.5ns" is finer than a nanosecond`},
		{name: "maximum", in: "87600h biz", want: Target{MaxWithin, "biz"}, str: "87600h biz"},
		{name: "over the maximum", in: "2562041h biz", wantErr: `invalid target "2562041h biz": response time 2562041h exceeds the maximum 87600h`},
		{name: "overflows", in: "9999999999h biz", wantErr: "response time 9999999999h exceeds the maximum 87600h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseTarget(tt.in)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrTarget)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.str, got.String())
			again, err := ParseTarget(got.String())
			require.NoError(t, err)
			assert.Equal(t, got, again)
		})
	}
}

func TestTargetText(t *testing.T) {
	t.Run("json", func(t *testing.T) {
		b, err := json.Marshal(struct{ T Target }{Target{4 * time.Hour, "business"}})
		require.NoError(t, err)
		assert.JSONEq(t, `{"T":"4h business"}`, string(b))
		var out struct{ T Target }
		require.NoError(t, json.Unmarshal(b, &out))
		assert.Equal(t, Target{4 * time.Hour, "business"}, out.T)
	})
	t.Run("no calendar", func(t *testing.T) {
		assert.Equal(t, "15m", Target{Within: 15 * time.Minute}.String())
	})
	t.Run("bad text", func(t *testing.T) {
		var tg Target
		require.ErrorIs(t, tg.UnmarshalText([]byte("soon")), ErrTarget)
	})
}

func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0s"},
		{time.Hour, "1h"},
		{15 * time.Minute, "15m"},
		{90 * time.Minute, "1h30m"},
		{2000 * time.Hour, "2000h"},
		{90 * time.Second, "1m30s"},
		{time.Hour + 30*time.Second, "1h30s"},
		{-2 * time.Hour, "-2h"},
		{1500 * time.Millisecond, "1.5s"},
		{time.Hour + time.Nanosecond, "1h0m0.000000001s"},
		{-1 << 63, "-2562047h47m16.854775808s"},
		{1<<63 - 1, "2562047h47m16.854775807s"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			got := FormatDuration(tt.in)
			assert.Equal(t, tt.want, got)
			back, err := time.ParseDuration(got)
			require.NoError(t, err)
			assert.Equal(t, tt.in, back)
		})
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
		err  string
	}{
		{"4h", 4 * time.Hour, ""},
		{"15m", 15 * time.Minute, ""},
		{"1h30m", 90 * time.Minute, ""},
		{"0h", 0, "invalid target: duration must be positive"},
		{"-1h", 0, "invalid target: duration must be positive"},
		{"1d", 0, `invalid target: bad duration "1d" (use h, m, s units, e.g. 1h30m)`},
		{"", 0, `invalid target: bad duration "" (use h, m, s units, e.g. 1h30m)`},
		{"1h2", 0, `invalid target: bad duration "1h2" (use h, m, s units, e.g. 1h30m)`},
		{"1.h", time.Hour, ""},
		{".5h", 30 * time.Minute, ""},
		{"1.5us", 1500 * time.Nanosecond, ""},
		{"1.5\u00b5s", 1500 * time.Nanosecond, ""},
		{"0.000000001s", time.Nanosecond, ""},
		{"0.0000000000025h", 9 * time.Nanosecond, ""},
		{"0.0000000000001h", 0, `invalid target: duration "0.0000000000001h" is finer than a nanosecond`},
		{"0.00000000000001h", 0, `invalid target: duration "0.00000000000001h" is finer than a nanosecond`},
		{"1.0000000000000000000000h", time.Hour, ""},
		{"1.5ns", 0, `invalid target: duration "1.5ns" is finer than a nanosecond`},
		{"1h0.5ns", 0, `invalid target: duration "1h0.5ns" is finer than a nanosecond`},
		{"0.5ns", 0, `invalid target: duration "0.5ns" is finer than a nanosecond`},
		{"0.0001us", 0, `invalid target: duration "0.0001us" is finer than a nanosecond`},
		{"1.0000000001s", 0, `invalid target: duration "1.0000000001s" is finer than a nanosecond`},
		{"1.00000000000000000000001h", 0, `invalid target: duration "1.00000000000000000000001h" is finer than a nanosecond`},
		{"87600h", MaxWithin, ""},
		{"87599h59m59.999999999s", MaxWithin - time.Nanosecond, ""},
		{"87600h0.000000001s", 0, "invalid target: response time 87600h0.000000001s exceeds the maximum 87600h"},
		{"2562041h", 0, "invalid target: response time 2562041h exceeds the maximum 87600h"},
		{"2562048h", 0, "invalid target: response time 2562048h exceeds the maximum 87600h"},
		{"99999999999999999999h", 0, "invalid target: response time 99999999999999999999h exceeds the maximum 87600h"},
		{"-99999999999999999999h", 0, "invalid target: duration must be positive"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDuration(tc.in)
			if tc.err != "" {
				assert.ErrorIs(t, err, ErrTarget)
				assert.EqualError(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, d)
			again, err := ParseDuration(FormatDuration(d))
			require.NoError(t, err, "FormatDuration(%s) parses", d)
			assert.Equal(t, d, again, "round-trips through FormatDuration")
		})
	}
}

func TestFormatSigned(t *testing.T) {
	assert.Equal(t, "0", FormatSigned(0))
	assert.Equal(t, "+64h", FormatSigned(64*time.Hour))
	assert.Equal(t, "-1h30m", FormatSigned(-90*time.Minute))
	assert.Equal(t, "+1ns", FormatSigned(1))
}
