package client

import (
	"fmt"
	"time"

	"github.com/tiercel/tiercel/answer"
	"github.com/tiercel/tiercel/fault"
	"github.com/tiercel/tiercel/slo"
)

// errAnswer is the class of an answer of the service that does not read
// back into the engine's types (a field out of range): a fault of the
// service or of the client, never of the request.
var errAnswer = fault.New(fault.Internal, "client: the service's answer does not decode")

// place reads the service's instants back into the zone they were
// decided in. The service writes an instant in its zone's offset
// ("2026-03-06T17:00:00+09:00"), which loses the zone's name, and names
// the zone beside the instants of a case's answers (answer.Deadline.Zone,
// answer.Timeline.Zone: the case's zone, else its calendar's own, else
// UTC); place puts them back in that zone, so that an instant equals the
// local engine's, Location pointer included (slo.LoadZone caches zones).
// Answers that name no zone are read in the zone the request named (the
// contract's Zone, a scope's), or, without one (loc nil), at offset zero
// in UTC, as the local engine gives them, and at another offset in a
// fixed zone of that offset.
type place struct{ loc *time.Location }

// zonePlace returns the place of zone, the zone of a request ("" for none).
func zonePlace(zone string) (place, error) {
	if zone == "" {
		return place{}, nil
	}
	loc, err := slo.LoadZone(zone)
	return place{loc}, err
}

// decidedPlace returns the place of an answer decided in the zone named
// decided (its Zone field), else, for an answer that names none, of zone,
// the request's. A decided zone that does not load is a fault of the
// answer (errAnswer).
func decidedPlace(decided, zone string) (place, error) {
	if decided == "" {
		return zonePlace(zone)
	}
	p, err := zonePlace(decided)
	if err != nil {
		return place{}, fmt.Errorf("%w: %w", errAnswer, err)
	}
	return p, nil
}

// at returns the instant a in the place.
func (p place) at(a answer.Instant) time.Time {
	switch {
	case p.loc != nil:
		return a.Time.In(p.loc)
	case isUTC(a.Time):
		return a.Time.UTC()
	}
	return a.Time
}

// atOr returns *a in the place, or the zero time when a is nil.
func (p place) atOr(a *answer.Instant) time.Time {
	if a == nil {
		return time.Time{}
	}
	return p.at(*a)
}

// location returns the zone of the place, else the location sample has.
func (p place) location(sample time.Time) *time.Location {
	if p.loc != nil {
		return p.loc
	}
	return sample.Location()
}

func isUTC(t time.Time) bool {
	_, off := t.Zone()
	return off == 0
}

// span reads a duration; err keeps the first failure.
func span(d answer.Duration, err *error) time.Duration {
	v, e := d.Std()
	if e != nil && *err == nil {
		*err = fmt.Errorf("%w: %v", errAnswer, e)
	}
	return v
}

// target reads a target, the zero Target for null.
func target(t *answer.Target, err *error) slo.Target {
	if t == nil {
		return slo.Target{}
	}
	return slo.Target{Within: span(t.Within, err), Calendar: t.Calendar}
}

// priority reads a priority name.
func priority(s string, err *error) slo.Priority {
	p, e := slo.ParsePriority(s)
	if e != nil && *err == nil {
		*err = fmt.Errorf("%w: %v", errAnswer, e)
	}
	return p
}

// text reads s into v with v's UnmarshalText.
func text(v interface{ UnmarshalText([]byte) error }, s string, err *error) {
	if e := v.UnmarshalText([]byte(s)); e != nil && *err == nil {
		*err = fmt.Errorf("%w: %v", errAnswer, e)
	}
}

// parsed reads s with parse, keeping the first failure in err.
func parsed[T any](parse func(string) (T, error), s string, err *error) T {
	v, e := parse(s)
	if e != nil && *err == nil {
		*err = fmt.Errorf("%w: %v", errAnswer, e)
	}
	return v
}

// changes reads the changes of a comparison; instants of effects are put
// in p.
func changes(in []answer.Change, p place, err *error) []slo.Change {
	if len(in) == 0 {
		return nil
	}
	out := make([]slo.Change, len(in))
	for i, ch := range in {
		out[i] = slo.Change{Priority: priority(ch.Priority, err), From: target(ch.From, err), To: target(ch.To, err)}
		text(&out[i].Kind, ch.Change, err)
		if e := ch.Effect; e != nil {
			eff := &slo.Effect{Min: span(e.Min, err), Max: span(e.Max, err), MinAt: p.at(e.MinAt), MaxAt: p.at(e.MaxAt),
				Earlier: span(e.Earlier, err), Later: span(e.Later, err)}
			text(&eff.Kind, e.Kind, err)
			out[i].Effect = eff
		}
	}
	return out
}

// strings returns s, nil when empty: the service writes [] for none.
func strs(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
