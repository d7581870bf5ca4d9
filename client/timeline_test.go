package client_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/client"
	"github.com/tiercel/tiercel/input"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/server"
)

const lifecycle = "../cmd/tiercel/testdata/lifecycle.yaml"

// TestTimelineWithEventsAgrees asks the timeline of a case file with
// pauses, a priority change and late replies: the service's answer is the
// local engine's, deeply.
func TestTimelineWithEventsAgrees(t *testing.T) {
	local, err := rules.Load(lifecycle)
	require.NoError(t, err)
	c := remote(t, server.Config{Catalogs: []string{lifecycle}})
	h, err := input.LoadCaseFile("../cmd/tiercel/testdata/case.yaml")
	require.NoError(t, err)
	for _, now := range []time.Time{h.Now, h.Case.Opened.Add(30 * time.Minute), h.Now.Add(1000 * time.Hour)} {
		t.Run(now.Format(time.RFC3339), func(t *testing.T) {
			events := h.Events
			for len(events) > 0 && events[len(events)-1].At.After(now) {
				events = events[:len(events)-1]
			}
			want, err := local.Timeline(h.Case, events, now)
			require.NoError(t, err)
			got, err := c.Timeline(context.Background(), h.Case, events, now)
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// TestWithoutAZoneInstantsAreEqual asks about a case without a zone on a
// calendar in its own zone (Europe/Berlin): the service writes instants
// at their offset, not the calendar's zone, so the remote instants are in
// fixed zones. They are the same instants (time.Time.Equal), which
// inUTC compares deeply; the locations alone differ.
func TestWithoutAZoneInstantsAreEqual(t *testing.T) {
	local, err := rules.Load(lifecycle)
	require.NoError(t, err)
	c := remote(t, server.Config{Catalogs: []string{lifecycle}})
	h, err := input.LoadCaseFile("../cmd/tiercel/testdata/case.yaml")
	require.NoError(t, err)
	k := h.Case
	k.Zone = ""
	want, err := local.Timeline(k, h.Events, h.Now)
	require.NoError(t, err)
	got, err := c.Timeline(context.Background(), k, h.Events, h.Now)
	require.NoError(t, err)
	require.Equal(t, "Europe/Berlin", want.Location.String())
	require.NotEqual(t, want.Location, got.Location, "the calendar's zone is not sent")
	require.Equal(t, inUTC(want), inUTC(got))

	wantD, err := client.Local(local).Status(context.Background(), k, h.Now)
	require.NoError(t, err)
	gotD, err := c.Status(context.Background(), k, h.Now)
	require.NoError(t, err)
	require.True(t, wantD.Deadline.Due.Equal(gotD.Deadline.Due))
	require.Equal(t, inUTC(wantD), inUTC(gotD))
}

// inUTC returns a deep copy of v with every time.Time in UTC and every
// *time.Location nil: what compares instants with Equal, deeply.
func inUTC[T any](v T) T {
	out := reflect.New(reflect.TypeOf(v)).Elem()
	copyUTC(out, reflect.ValueOf(v))
	return out.Interface().(T)
}

var (
	timeType = reflect.TypeOf(time.Time{})
	locType  = reflect.TypeOf((*time.Location)(nil))
)

func copyUTC(dst, src reflect.Value) {
	switch {
	case src.Type() == timeType:
		dst.Set(reflect.ValueOf(src.Interface().(time.Time).UTC()))
	case src.Type() == locType:
	case src.Kind() == reflect.Struct:
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				copyUTC(dst.Field(i), src.Field(i))
			} else {
				dst.Set(src) // unexported fields: as they are
				return
			}
		}
	case src.Kind() == reflect.Slice && !src.IsNil():
		dst.Set(reflect.MakeSlice(src.Type(), src.Len(), src.Len()))
		for i := range src.Len() {
			copyUTC(dst.Index(i), src.Index(i))
		}
	case src.Kind() == reflect.Array:
		for i := range src.Len() {
			copyUTC(dst.Index(i), src.Index(i))
		}
	case src.Kind() == reflect.Pointer && !src.IsNil():
		dst.Set(reflect.New(src.Type().Elem()))
		copyUTC(dst.Elem(), src.Elem())
	default:
		dst.Set(src)
	}
}
