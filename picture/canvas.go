package picture

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// canvas writes an SVG document through a buffer. The first error of the
// underlying writer sticks: later writes do nothing and flush returns it.
type canvas struct {
	w *bufio.Writer
}

func newCanvas(w io.Writer) *canvas { return &canvas{w: bufio.NewWriter(w)} }

// printf writes formatted markup; the caller escapes any text in it.
func (c *canvas) printf(format string, args ...any) { fmt.Fprintf(c.w, format, args...) }

// open starts the document's root element, width by height user units with
// the pictures' font, and leaves its start tag open for more attributes.
func (c *canvas) open(width, height, fontSize int) {
	c.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" font-size="%d"`,
		width, height, width, height, fontSize)
}

// text writes escaped text at x, y with extra attributes.
func (c *canvas) text(x, y float64, attrs, text string) {
	c.printf(`<text x="%.1f" y="%.1f" %s>%s</text>`+"\n", x, y, attrs, esc(text))
}

// flush writes what the buffer holds and returns the first write error.
func (c *canvas) flush() error { return c.w.Flush() }

// esc escapes s for XML text and attribute values.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writing to a strings.Builder cannot fail
	return b.String()
}
