package answer

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/slo"
)

func TestDuration(t *testing.T) {
	for _, tt := range []struct {
		name           string
		d              time.Duration
		json, signed   string
		seconds, nanos int64
	}{
		{"hours", 4 * time.Hour, `{"seconds":14400,"text":"4h"}`, `{"seconds":14400,"text":"+4h"}`, 14400, 0},
		{"zero", 0, `{"seconds":0,"text":"0s"}`, `{"seconds":0,"text":"0"}`, 0, 0},
		{"negative", -45 * time.Minute, `{"seconds":-2700,"text":"-45m"}`, `{"seconds":-2700,"text":"-45m"}`, -2700, 0},
		{"nanoseconds", 335*time.Hour - 10, `{"seconds":1205999,"nanos":999999990,"text":"334h59m59.99999999s"}`,
			`{"seconds":1205999,"nanos":999999990,"text":"+334h59m59.99999999s"}`, 1205999, 999999990},
		{"negative nanoseconds", -1500 * time.Millisecond, `{"seconds":-1,"nanos":-500000000,"text":"-1.5s"}`,
			`{"seconds":-1,"nanos":-500000000,"text":"-1.5s"}`, -1, -500000000},
		{"largest", math.MaxInt64, `{"seconds":9223372036,"nanos":854775807,"text":"2562047h47m16.854775807s"}`,
			`{"seconds":9223372036,"nanos":854775807,"text":"+2562047h47m16.854775807s"}`, 9223372036, 854775807},
		{"smallest", math.MinInt64, `{"seconds":-9223372036,"nanos":-854775808,"text":"-2562047h47m16.854775808s"}`,
			`{"seconds":-9223372036,"nanos":-854775808,"text":"-2562047h47m16.854775808s"}`, -9223372036, -854775808},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(NewDuration(tt.d))
			require.NoError(t, err)
			assert.Equal(t, tt.json, string(b))
			b, err = json.Marshal(NewSigned(tt.d))
			require.NoError(t, err)
			assert.Equal(t, tt.signed, string(b))
			var back Duration
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, tt.seconds, back.Seconds)
			assert.Equal(t, tt.nanos, int64(back.Nanos))
			std, err := back.Std()
			require.NoError(t, err)
			assert.Equal(t, tt.d, std, "exact both ways")
		})
	}
}

func TestDurationStdRefuses(t *testing.T) {
	for _, tt := range []struct {
		name string
		d    Duration
		want string
	}{
		{"nanos of a second", Duration{Seconds: 1, Nanos: 1e9}, "below a second"},
		{"signs differ", Duration{Seconds: 1, Nanos: -1}, "share the sign"},
		{"too long", Duration{Seconds: 9223372037}, "does not fit"},
		{"too long by nanos", Duration{Seconds: 9223372036, Nanos: 854775808}, "does not fit"},
		{"too short", Duration{Seconds: -9223372037}, "does not fit"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.d.Std()
			assert.ErrorContains(t, err, tt.want)
		})
	}
}

func TestInstant(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		t    time.Time
		want string
	}{
		{"the offset of its zone", time.Date(2026, 3, 6, 17, 0, 0, 0, tokyo), `"2026-03-06T17:00:00+09:00"`},
		{"nanoseconds", time.Date(2026, 3, 13, 9, 0, 0, 1, time.UTC), `"2026-03-13T09:00:00.000000001Z"`},
		{"year 1 is an instant", time.Time{}, `"0001-01-01T00:00:00Z"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(At(tt.t))
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(b))
			var back Instant
			require.NoError(t, json.Unmarshal(b, &back))
			assert.True(t, tt.t.Equal(back.Time))
		})
	}
	t.Run("as json.Marshal writes its RFC 3339 text", func(t *testing.T) {
		for _, at := range []time.Time{
			time.Date(2026, 3, 6, 17, 0, 0, 120, tokyo),
			time.Date(1, 1, 1, 12, 0, 0, 0, time.FixedZone("", -(3*3600+30*60))),
			time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC),
		} {
			b, err := json.Marshal(At(at))
			require.NoError(t, err)
			want, err := json.Marshal(at.Format(time.RFC3339Nano))
			require.NoError(t, err)
			assert.Equal(t, string(want), string(b))
		}
	})
	t.Run("outside years 1-9999", func(t *testing.T) {
		_, err := json.Marshal(At(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)))
		require.ErrorIs(t, err, ErrUnprintable)
		err = Printable(time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -3600)))
		assert.ErrorContains(t, err, "is 10000-01-01T00:00:00Z in UTC")
	})
	t.Run("optional", func(t *testing.T) {
		assert.Nil(t, AtOrNull(time.Time{}))
		b, err := json.Marshal(struct{ A, B *Instant }{AtOrNull(time.Time{}), AtOrNull(time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))})
		require.NoError(t, err)
		assert.Equal(t, `{"A":null,"B":"2026-09-01T00:00:00Z"}`, string(b))
	})
	t.Run("optional, its presence given", func(t *testing.T) {
		b, err := json.Marshal(struct{ A, B *Instant }{AtIf(time.Time{}, true), AtIf(time.Time{}, false)})
		require.NoError(t, err)
		assert.Equal(t, `{"A":"0001-01-01T00:00:00Z","B":null}`, string(b), "the year 1 given is an instant, not null")
	})
}

func TestTarget(t *testing.T) {
	assert.Nil(t, NewTarget(slo.Target{}), "no target")
	b, err := json.Marshal(NewTarget(slo.Target{Within: 90 * time.Minute, Calendar: "business"}))
	require.NoError(t, err)
	assert.Equal(t, `{"within":{"seconds":5400,"text":"1h30m"},"calendar":"business","text":"1h30m business"}`, string(b))
}
