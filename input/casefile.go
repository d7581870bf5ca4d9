package input

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// CaseFileKeys are the keys of a case file; EventKeys those of each of its
// events.
var (
	CaseFileKeys = []string{"tier", "priority", "opened", "zone", "language", "account", "country", "attrs", "now", "events"}
	EventKeys    = []string{"at", "type", "status", "by", "priority", "tier", "attrs"}
)

// History is a case and its events, as a case file or a suite's timeline
// question writes them: the input of rules.Engine.Timeline. It remembers
// where each part is written, to position the engine's errors. A History
// is not changed once read and may be shared between goroutines.
type History struct {
	Case   rules.Case    // the case at its opening; *Case.Now is Now
	Events []rules.Event // the events, in the order written
	Now    time.Time     // the instant the timeline is computed at

	at      yamlpos.Pos   // where the case is written
	tierAt  yamlpos.Pos   // where its tier is written
	eventAt []yamlpos.Pos // where each event is written
}

// LoadCaseFile reads a case file: a YAML (or JSON, which YAML reads too)
// mapping of the case's tier, priority, opened, zone, language, account,
// country and attrs, the instant now, and its events, each {at, type,
// status, by, priority, tier, attrs}. Instants are read by ParseTime in
// the case's zone (UTC when it has none). Each event is checked against the
// case as it is read (in order, between the opening and now, of a known
// type with what its type needs), so that every error of the file is
// listed at once; History.Timeline lists the unknown tiers together. Only regular files of at most
// 16 MiB are read. Errors wrap ErrInvalidCaseFile: every error found, as an
// ErrorList positioned in the file, or an error saying why it could not be
// read.
func LoadCaseFile(path string) (*History, error) {
	return load(path, ErrInvalidCaseFile, ParseCaseFile)
}

// ParseCaseFile reads a case file's document src (see LoadCaseFile); name
// is used in error positions.
func ParseCaseFile(name string, src []byte) (*History, error) {
	d := yamlpos.NewDecoder(name, src, ErrInvalidCaseFile)
	var h History
	if root := document(d, src); root != nil {
		whole := yamlpos.Field{KeyNode: root, Value: root}
		if fields, ok := decodeQuestion(d, whole, CaseFileKeys, "tier", "priority", "opened"); ok {
			h, _ = decodeHistory(d, whole, fields, nil, true)
		}
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return &h, nil
}

// load reads the file at path with readfile's guards and parses it; an
// unreadable file gives an error wrapping kind and the cause.
func load[T any](path string, kind error, parse func(name string, src []byte) (T, error)) (T, error) {
	src, err := readfile.Read(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("%w: %w", kind, err)
	}
	return parse(path, src)
}

// decodeQuestion reads the mapping f with the keys known, of which
// required must be present.
func decodeQuestion(d *yamlpos.Decoder, f yamlpos.Field, known []string, required ...string) ([]yamlpos.Field, bool) {
	if f.Value == nil || f.Value.Kind != yaml.MappingNode {
		d.Fail(yamlpos.OrNode(f.Value, f.KeyNode), f.Path, nil, "must be a mapping with %s", strings.Join(known, ", "))
		return nil, false
	}
	fields := d.Mapping(f.Value, f.Path, known)
	return fields, d.Require(f.KeyNode, f.Path, fields, required...)
}

// Timeline computes the history's timeline on e. Its errors are positioned
// where the history is written: at the event an error names (an event out
// of order, of an unknown type, a condition that failed on it), else at the
// case; they wrap the engine's error (rules.ErrInvalidEvent,
// rules.ErrUnknownTier, ...).
func (h *History) Timeline(e *rules.Engine) (rules.Timeline, error) {
	return h.TimelineContext(context.Background(), e)
}

// TimelineContext is Timeline under ctx (rules.Engine.TimelineContext): it
// stops when ctx is done, with an error wrapping ctx.Err().
func (h *History) TimelineContext(ctx context.Context, e *rules.Engine) (rules.Timeline, error) {
	if err := h.unknownTiers(e); err != nil {
		return rules.Timeline{}, err
	}
	tl, err := e.TimelineContext(ctx, h.Case, h.Events, h.Now)
	if err != nil {
		return tl, h.position(err)
	}
	return tl, nil
}

// unknownTiers lists at once every tier of the history that e does not
// know, the case's and its events'.
func (h *History) unknownTiers(e *rules.Engine) error {
	var list yamlpos.ErrorList
	if _, err := e.Tier(h.Case.Tier); err != nil && errors.Is(err, rules.ErrUnknownTier) {
		list = append(list, h.position(err).(*yamlpos.Error))
	}
	for i, ev := range h.Events {
		if ev.Tier == "" {
			continue
		}
		if _, err := e.Tier(ev.Tier); err != nil && errors.Is(err, rules.ErrUnknownTier) {
			at := h.eventAt[i]
			at.Kind = nil
			list = append(list, at.Errorf(err, "%v: %v", rules.ErrInvalidEvent, err))
		}
	}
	return list.Err()
}

// position returns err at the event it names, its text without the
// event's index, else at the case's tier when the tier is unknown, else at
// the case.
func (h *History) position(err error) error {
	at, msg := h.at, err.Error()
	var ee *rules.EventError
	if errors.As(err, &ee) && ee.Index >= 0 && ee.Index < len(h.eventAt) {
		at = h.eventAt[ee.Index]
		if outer, found := strings.CutSuffix(msg, ee.Error()); found {
			msg = outer + ee.Err.Error()
		}
	} else if errors.Is(err, rules.ErrUnknownTier) {
		at = h.tierAt
	}
	at.Kind = nil // the file is well formed: the engine refused what it says
	return at.Errorf(err, "%s", msg)
}
