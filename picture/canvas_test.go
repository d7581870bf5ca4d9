package picture

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEsc(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "P1 response", "P1 response"},
		{"markup", `<a href="x">&</a>`, "&lt;a href=&#34;x&#34;&gt;&amp;&lt;/a&gt;"},
		{"quote", "it's", "it&#39;s"},
		{"unicode", "→ ◀", "→ ◀"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, esc(tt.in)) })
	}
}

func TestCanvas(t *testing.T) {
	var buf bytes.Buffer
	c := newCanvas(&buf)
	c.open(10, 20, 11)
	c.printf(">\n")
	c.text(1, 2.5, `fill="red"`, "a<b")
	require.NoError(t, c.flush())
	assert.Equal(t, `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="20" viewBox="0 0 10 20" font-family="Helvetica, Arial, sans-serif" font-size="11">
<text x="1.0" y="2.5" fill="red">a&lt;b</text>
`, buf.String())
}

// failWriter fails every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

// A writer's error is the drawing's error, for both pictures.
func TestCanvasWriteError(t *testing.T) {
	c := newCanvas(failWriter{})
	c.printf("%s", bytes.Repeat([]byte("x"), 8192))
	assert.ErrorIs(t, c.flush(), errDiskFull)
	assert.ErrorIs(t, WeekGrid(failWriter{}, Week{From: "a", To: "b"}), errDiskFull)
	assert.ErrorIs(t, Timeline(failWriter{}, boundedTimeline(1), TimelineCase{}), errDiskFull)
}
