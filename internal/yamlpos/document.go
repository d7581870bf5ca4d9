package yamlpos

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// splitLines splits s at the line breaks YAML knows: "\n", "\r\n" and "\r".
func splitLines(s string) []string {
	lines := make([]string, 0, strings.Count(s, "\n")+1)
	for {
		i := strings.IndexAny(s, "\r\n")
		if i < 0 {
			return append(lines, s)
		}
		lines = append(lines, s[:i])
		if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
		}
		s = s[i+1:]
	}
}

// textLines returns the document's lines without their breaks, splitting
// it when first asked: only positions in errors need them.
func (d *Decoder) textLines() []string {
	if d.lines == nil {
		d.lines = splitLines(d.text)
	}
	return d.lines
}

// lineRunes returns the runes of the 0-based line i, converting each line
// once.
func (d *Decoder) lineRunes(i int) []rune {
	if i < 0 || i >= len(d.textLines()) {
		return nil
	}
	if d.runes == nil {
		d.runes = make([][]rune, len(d.lines))
	}
	if d.runes[i] == nil {
		d.runes[i] = []rune(d.lines[i])
	}
	return d.runes[i]
}

// Document decodes src as exactly one YAML document.
func (d *Decoder) Document() *yaml.Node {
	var doc yaml.Node
	dec := yaml.NewDecoder(strings.NewReader(d.text))
	if err := dec.Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			d.Add(&Error{File: d.file, Line: 1, Column: 1, Msg: "empty document", Kind: d.kind})
			return nil
		}
		d.Add(d.yamlError(err))
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.Fail(&extra, "", nil, "more than one YAML document; give each document its own file")
		return nil
	} else if err.Error() != "EOF" {
		d.Add(d.yamlError(err))
		return nil
	}
	if len(doc.Content) == 0 {
		d.Add(&Error{File: d.file, Line: 1, Column: 1, Msg: "empty document", Kind: d.kind})
		return nil
	}
	root := doc.Content[0]
	d.budget = max(minAliasBudget, aliasBudgetPerNode*d.checkTags(root, ""))
	return root
}

// Tree takes root, a document built without yaml.v3's parser (a JSON
// document read by a scanner of its own), as the document decoded: its
// aliases' budget is set from its size as Document sets it.
func (d *Decoder) Tree(root *yaml.Node) *yaml.Node {
	d.budget = max(minAliasBudget, aliasBudgetPerNode*d.checkTags(root, ""))
	return root
}

// checkTags refuses every tag written in the document (implicit tags, as
// the !!int of a plain 1, are not written) and returns the number of nodes
// under n, aliases not followed.
func (d *Decoder) checkTags(n *yaml.Node, path string) int {
	if n.Style&yaml.TaggedStyle != 0 {
		d.Fail(n, path, nil, "yaml tags are not supported: %s", n.Tag)
	}
	count := 1
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			count += d.checkTags(n.Content[i], path)
			count += d.checkTags(n.Content[i+1], Join(path, n.Content[i].Value))
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			count += d.checkTags(c, Index(path, i))
		}
	}
	return count
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// yamlError turns a yaml.v3 syntax error into a positioned Error. yaml.v3
// reports lines but not columns; the column is the line's first non-blank
// character.
func (d *Decoder) yamlError(err error) *Error {
	e := &Error{File: d.file, Line: 1, Column: 1, Msg: err.Error(), Err: err, Kind: d.kind}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		e.Msg = te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(e.Msg); m != nil {
		e.Msg = "yaml: " + m[2]
		if m[1] != "" {
			if l, convErr := strconv.Atoi(m[1]); convErr == nil && l > 0 {
				e.Line = l
				e.Column = d.firstColumn(l)
			}
		}
	}
	d.explainTab(e)
	return e
}

func (d *Decoder) firstColumn(line int) int {
	if line < 1 || line > len(d.textLines()) {
		return 1
	}
	text := d.lines[line-1]
	trimmed := strings.TrimLeft(text, " \t")
	return utf8.RuneCountInString(text[:len(text)-len(trimmed)]) + 1
}

// ExprPos maps a 0-based rune offset inside the value of scalar n to a
// 1-based line and column of the file. It aligns the decoded value with the
// raw text of the file, so plain, quoted, literal (|) and folded (>) scalars
// all map back to where the characters are written.
func (d *Decoder) ExprPos(n *yaml.Node, value string, offset int) (line, col int) {
	line, col = n.Line, n.Column
	if line < 1 || line > len(d.textLines()) {
		return line, col
	}
	// Start of the text of the value.
	l, c := line-1, col-1 // 0-based line index, 0-based rune column
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		l, c = l+1, 0
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		c++
	}
	cur := d.lineRunes(l)
	vr := []rune(value)
	if offset > len(vr) {
		offset = len(vr)
	}
	for i := 0; i <= offset && i < len(vr); i++ {
		want := vr[i]
		// Advance to the next file rune equal to want, skipping only layout
		// (blanks, line breaks, quote escapes).
		for {
			if c >= len(cur) {
				if l+1 >= len(d.lines) {
					return l + 1, c + 1
				}
				l, c, cur = l+1, 0, d.lineRunes(l+1)
				if want == '\n' || want == ' ' {
					break
				}
				continue
			}
			r := cur[c]
			if r == want {
				break
			}
			if r == ' ' || r == '\t' || r == '\\' || r == '\'' || r == '"' {
				c++
				continue
			}
			// Unmatched (an escape that decodes to another rune): stay.
			break
		}
		if i == offset {
			return l + 1, c + 1
		}
		if c < len(cur) && cur[c] == want {
			c++
		}
	}
	return l + 1, c + 1
}
