package slo

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadZone(t *testing.T) {
	tests := []struct {
		name, zone, want, wantErr string
	}{
		{name: "iana", zone: "America/New_York", want: "America/New_York"},
		{name: "utc", zone: "UTC", want: "UTC"},
		{name: "cached twice", zone: "America/New_York", want: "America/New_York"},
		{name: "empty", zone: "", wantErr: `unknown zone "": no zone given, want an IANA name such as "America/New_York"`},
		{name: "local", zone: "Local", wantErr: `unknown zone "Local": the machine's zone is not allowed, name an IANA zone such as "America/New_York"`},
		{name: "local lower case", zone: "local", wantErr: `unknown zone "local": the machine's zone is not allowed, name an IANA zone such as "America/New_York"`},
		{name: "nul", zone: "Europe/Paris\x00", wantErr: `unknown zone "Europe/Paris\x00": contains a NUL byte`},
		{name: "too long", zone: strings.Repeat("Europe/", 40), wantErr: `unknown zone "Europe/Europe/Europe/Europe/Euro"...: longer than 128 bytes`},
		{name: "unknown", zone: "Mars/Olympus", wantErr: `unknown zone "Mars/Olympus": want an IANA name such as "America/New_York"`},
		{name: "untrimmed", zone: " UTC", wantErr: `unknown zone " UTC": want an IANA name such as "America/New_York"`},
		{name: "path escape", zone: "../../etc/passwd", wantErr: `unknown zone "../../etc/passwd": want an IANA name such as "America/New_York"`},
		{name: "absolute path", zone: "/etc/localtime", wantErr: `unknown zone "/etc/localtime": want an IANA name such as "America/New_York"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := LoadZone(tt.zone)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrUnknownZone)
				assert.Equal(t, tt.wantErr, err.Error())
				assert.Nil(t, loc)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, loc.String())
			again, err := LoadZone(tt.zone)
			require.NoError(t, err)
			assert.Same(t, loc, again, "the second load comes from the cache")
		})
	}
}

func TestLoadZoneConcurrent(t *testing.T) {
	names := []string{"UTC", "Europe/Paris", "Asia/Tokyo", "America/Sao_Paulo", "Local", "Mars/Olympus"}
	first := make(map[string]*time.Location)
	for _, n := range names {
		first[n], _ = LoadZone(n)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				n := names[(g+i)%len(names)]
				loc, err := LoadZone(n)
				if first[n] == nil {
					assert.ErrorIs(t, err, ErrUnknownZone, n)
					continue
				}
				assert.NoError(t, err, n)
				assert.Same(t, first[n], loc, n)
			}
		})
	}
	wg.Wait()
}

func BenchmarkLoadZone(b *testing.B) {
	for _, name := range []string{"UTC", "America/New_York"} {
		b.Run(name, func(b *testing.B) {
			_, err := LoadZone(name)
			require.NoError(b, err)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := LoadZone(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestZoneOrUTC(t *testing.T) {
	tests := []struct {
		name, zone, want string
		wantErr          bool
	}{
		{name: "empty is UTC", zone: "", want: "UTC"},
		{name: "iana", zone: "Asia/Tokyo", want: "Asia/Tokyo"},
		{name: "invalid", zone: "Mars/Olympus", wantErr: true},
		{name: "local refused", zone: "Local", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := ZoneOrUTC(tt.zone)
			if tt.wantErr {
				require.ErrorIs(t, err, ErrUnknownZone)
				assert.Nil(t, loc)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, loc.String())
		})
	}
}
