package slo

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/tiercel/tiercel/fault"
)

// ErrUnknownZone is wrapped by every error LoadZone returns.
var ErrUnknownZone = fault.New(fault.BadRequest, "unknown zone")

// maxZoneName is the longest zone name LoadZone accepts, in bytes. The
// longest IANA names are about 30 bytes long.
const maxZoneName = 128

// maxCachedZones bounds the zone cache, so that a stream of distinct valid
// names (there are a few hundred) cannot grow it without limit.
const maxCachedZones = 4096

// zones caches time.LoadLocation, which reads the zone database on every
// call. A map under a read lock avoids boxing the key on the hot path.
var zones = struct {
	sync.RWMutex
	m map[string]*time.Location
}{m: map[string]*time.Location{}}

// LoadZone returns the time zone named by an IANA name such as
// "America/New_York" or "UTC", loading it once and caching it. It is safe
// for concurrent use, and a name already loaded costs no allocation.
//
// Names are exact: LoadZone trims no space and gives no default. It refuses,
// with an error wrapping ErrUnknownZone that names the zone:
//   - "": no zone given (callers that want UTC for an empty name decide so
//     themselves);
//   - "Local", in any case: the machine's zone would make answers depend on
//     where the program runs;
//   - names containing a NUL byte or longer than 128 bytes;
//   - names the zone database does not know.
func LoadZone(name string) (*time.Location, error) {
	zones.RLock()
	l, ok := zones.m[name]
	zones.RUnlock()
	if ok {
		return l, nil
	}
	if err := checkZoneName(name); err != nil {
		return nil, err
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%w %q: want an IANA name such as \"America/New_York\"", ErrUnknownZone, name)
	}
	zones.Lock()
	if len(zones.m) < maxCachedZones {
		zones.m[name] = l
	}
	zones.Unlock()
	return l, nil
}

// checkZoneName refuses the names LoadZone must not pass to
// time.LoadLocation.
func checkZoneName(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("%w \"\": no zone given, want an IANA name such as \"America/New_York\"", ErrUnknownZone)
	case len(name) > maxZoneName:
		return fmt.Errorf("%w %q...: longer than %d bytes", ErrUnknownZone, name[:32], maxZoneName)
	case strings.IndexByte(name, 0) >= 0:
		return fmt.Errorf("%w %q: contains a NUL byte", ErrUnknownZone, name)
	case strings.EqualFold(name, "local"):
		return fmt.Errorf("%w %q: the machine's zone is not allowed, name an IANA zone such as \"America/New_York\"", ErrUnknownZone, name)
	}
	return nil
}

// ZoneOrUTC returns the location of an account's zone (a case's, a
// contract's, a scope's): UTC for the empty name, which means "no zone
// given", else LoadZone's location or error. It is the one reading of an
// empty zone for dates and printing; a calendar that runs in the account's
// zone still needs a name (the rules engine's ErrZoneRequired).
func ZoneOrUTC(name string) (*time.Location, error) {
	if name == "" {
		return time.UTC, nil
	}
	return LoadZone(name)
}
