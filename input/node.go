package input

import (
	"slices"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// The node-level readers below read the values of a YAML document that
// another reader of this module walks (a suite's questions embed cases,
// histories and contracts). Their decoder type is internal to the module,
// so only its packages call them; a Go program reads files with the Load
// and Parse functions. Each reports its errors to d and returns false.

// DecodeTime reads the instant of f with ParseTime in loc (UTC when nil).
func DecodeTime(d *yamlpos.Decoder, f yamlpos.Field, loc *time.Location) (time.Time, bool) {
	s, ok := d.Str(f)
	if !ok {
		return time.Time{}, false
	}
	t, err := ParseTime(s, loc)
	if err != nil {
		d.Fail(f.Value, f.Path, err, "%v", err)
		return time.Time{}, false
	}
	return t, true
}

// DecodeZone reads an IANA time zone name and loads it with slo.LoadZone
// ("Local" is refused: a file means the same on every machine).
func DecodeZone(d *yamlpos.Decoder, f yamlpos.Field) (string, *time.Location, bool) {
	s, ok := d.Str(f)
	if !ok {
		return "", nil, false
	}
	loc, err := slo.LoadZone(s)
	if err != nil {
		d.Fail(f.Value, f.Path, err, "unknown time zone %q", s)
		return "", nil, false
	}
	return s, loc, true
}

// ZoneOf reads the zone among fields, when one is given, first: the
// instants read after it are in it. Without a zone, loc is nil (UTC).
func ZoneOf(d *yamlpos.Decoder, fields []yamlpos.Field) (string, *time.Location, bool) {
	for _, x := range fields {
		if x.Key == "zone" {
			return DecodeZone(d, x)
		}
	}
	return "", nil, true
}

// has reports whether fields has the key.
func has(fields []yamlpos.Field, key string) bool {
	return slices.ContainsFunc(fields, func(f yamlpos.Field) bool { return f.Key == key })
}

// DecodeCase reads the fields of a case (tier, priority, opened, zone,
// language, account, country, attrs, now, pauses); its instants are in its
// zone. now is Case.Now when the fields give none (nil: none, and Case.Now
// stays nil); a now written as 0001-01-01T00:00:00Z is that instant. It returns the case's location.
func DecodeCase(d *yamlpos.Decoder, fields []yamlpos.Field, now *time.Time) (rules.Case, *time.Location, bool) {
	var c rules.Case
	zone, loc, ok := ZoneOf(d, fields)
	c.Zone = zone
	for _, x := range fields {
		good := true
		switch x.Key {
		case "tier":
			c.Tier, good = d.Str(x)
		case "priority":
			c.Priority, good = yamlpos.Parsed(d, x, slo.ParsePriority)
		case "opened":
			c.Opened, good = DecodeTime(d, x, loc)
		case "language":
			c.Language, good = d.Str(x)
		case "account":
			c.Account, good = d.Str(x)
		case "country":
			c.Country, good = d.Str(x)
		case "attrs":
			c.Attrs, good = DecodeAttrs(d, x)
		case "now":
			var t time.Time
			t, good = DecodeTime(d, x, loc)
			c.Now = &t
		case "pauses":
			c.Pauses, good = DecodePauses(d, x, loc)
		}
		ok = ok && good
	}
	if !has(fields, "now") && now != nil {
		c.Now = new(*now)
	}
	return c, loc, ok
}

// DecodePauses reads a list of {start, end} intervals in loc.
func DecodePauses(d *yamlpos.Decoder, f yamlpos.Field, loc *time.Location) ([]slo.Interval, bool) {
	var out []slo.Interval
	ok := true
	for _, it := range d.List(f) {
		pf := d.Mapping(it.Node, it.Path, []string{"start", "end"})
		if it.Node == nil || it.Node.Kind != yaml.MappingNode || !d.Require(it.Node, it.Path, pf, "start", "end") {
			ok = false
			continue
		}
		var iv slo.Interval
		for _, y := range pf {
			t, good := DecodeTime(d, y, loc)
			ok = ok && good
			if y.Key == "start" {
				iv.Start = t
			} else {
				iv.End = t
			}
		}
		out = append(out, iv)
	}
	return out, ok
}

// DecodeHistory reads the fields of the mapping q, read with CaseFileKeys:
// a case, its now (now when it gives none; missing both is an error) and
// its events, whose instants are in the case's zone. Unlike ParseCaseFile,
// it leaves the checks of the events against the case to
// rules.Engine.Timeline, whose errors a suite may expect.
func DecodeHistory(d *yamlpos.Decoder, q yamlpos.Field, fields []yamlpos.Field, now *time.Time) (History, bool) {
	return decodeHistory(d, q, fields, now, false)
}

// decodeHistory is DecodeHistory; check says whether the events are
// checked against the case as they are read.
func decodeHistory(d *yamlpos.Decoder, q yamlpos.Field, fields []yamlpos.Field, now *time.Time, check bool) (History, bool) {
	c, loc, ok := DecodeCase(d, fields, now)
	h := History{Case: c, at: d.At(yamlpos.OrNode(q.Value, q.KeyNode), q.Path)}
	if c.Now != nil {
		h.Now = *c.Now
	}
	if ok && !has(fields, "now") && now == nil {
		d.Fail(yamlpos.OrNode(q.Value, q.KeyNode), q.Path, nil, "missing now: the instant the timeline is computed at (here, in the test or in the suite)")
		ok = false
	}
	h.tierAt = h.at
	chk := &eventCheck{opened: c.Opened, prev: c.Opened, now: h.Now, on: check && instantsRead(fields, loc, now != nil)}
	for _, f := range fields {
		switch f.Key {
		case "tier":
			h.tierAt = d.At(f.Value, f.Path)
		case "now":
			if chk.on && h.Now.Before(c.Opened) {
				d.Fail(f.Value, f.Path, rules.ErrInvalidCase, "now %s is before the case opened at %s", h.Now.Format(time.RFC3339), c.Opened.Format(time.RFC3339))
				ok, chk.on = false, false
			}
		}
	}
	for _, f := range fields {
		if f.Key != "events" {
			continue
		}
		for _, it := range d.List(f) {
			ev, good := decodeEvent(d, it, loc, chk)
			ok = ok && good
			h.Events = append(h.Events, ev)
			h.eventAt = append(h.eventAt, d.At(it.Node, it.Path))
		}
	}
	return h, ok
}

// instantsRead reports whether the case's opened and now (or a default
// now) were read without an error: the events are checked against them.
func instantsRead(fields []yamlpos.Field, loc *time.Location, defaultNow bool) bool {
	read := map[string]bool{"now": defaultNow}
	for _, f := range fields {
		if f.Key == "opened" || f.Key == "now" {
			s, ok := yamlpos.ScalarText(f.Value)
			_, err := ParseTime(s, loc)
			read[f.Key] = ok && err == nil
		}
	}
	return read["opened"] && read["now"]
}

// decodeEvent reads one event of a history, {at, type, status, by,
// priority, tier, attrs}; at is in loc. chk checks it against the case.
func decodeEvent(d *yamlpos.Decoder, it yamlpos.Item, loc *time.Location, chk *eventCheck) (rules.Event, bool) {
	var ev rules.Event
	if it.Node == nil || it.Node.Kind != yaml.MappingNode {
		d.Fail(it.Node, it.Path, nil, "must be a mapping with at and type, got %s", yamlpos.KindNameOr(it.Node))
		return ev, false
	}
	fields := d.Mapping(it.Node, it.Path, EventKeys)
	ok := d.Require(it.Node, it.Path, fields, "at", "type")
	for _, x := range fields {
		good := true
		switch x.Key {
		case "at":
			ev.At, good = DecodeTime(d, x, loc)
		case "type":
			ev.Type, good = d.Str(x)
		case "status":
			ev.Status, good = d.Str(x)
		case "by":
			ev.By, good = d.Str(x)
		case "priority":
			ev.Priority, good = yamlpos.Parsed(d, x, slo.ParsePriority)
		case "tier":
			ev.Tier, good = d.Str(x)
		case "attrs":
			ev.Attrs, good = DecodeAttrs(d, x)
		}
		ok = ok && good
	}
	if ok {
		ok = chk.check(d, it, fields, &ev)
	}
	return ev, ok
}
