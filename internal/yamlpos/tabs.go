package yamlpos

import (
	"strings"
	"unicode/utf8"
)

// explainTab rewrites yaml.v3's "found character that cannot start any
// token" when the line it names is indented with a tab: YAML forbids tabs
// in indentation, and the message then says so and points at the tab.
func (d *Decoder) explainTab(e *Error) {
	if !strings.Contains(e.Msg, "cannot start any token") || e.Line < 1 || e.Line > len(d.textLines()) {
		return
	}
	text := d.lines[e.Line-1]
	indent := text[:len(text)-len(strings.TrimLeft(text, " \t"))]
	tab := strings.IndexByte(indent, '\t')
	if tab < 0 {
		return
	}
	e.Column = utf8.RuneCountInString(indent[:tab]) + 1
	e.Msg = "yaml: a tab in the indentation: YAML indentation cannot use tabs, indent with spaces"
}
