package answer

import (
	"fmt"

	"github.com/tiercel/tiercel/rules"
)

// Coverage is the JSON form of what test suites exercised of a catalog
// (`tiercel test --coverage-out FILE`): the counts over every file, then
// each catalog file's counts by kind and every item with its hits and
// position. An item is covered when its hits are not zero.
type Coverage struct {
	Covered int            `json:"covered"`
	Total   int            `json:"total"`
	Percent Percent        `json:"percent"`
	Files   []CoverageFile `json:"files"`
}

// Percent is a share in hundredths of a percent, rounded down so that it
// reads 100% only when nothing is missing (rules.CoveragePercent), and its
// text with two decimals: {"hundredths":9999,"text":"99.99%"}.
type Percent struct {
	Hundredths int    `json:"hundredths"`
	Text       string `json:"text"`
}

// NewPercent returns covered out of total as a Percent, rounded down.
func NewPercent(covered, total int) Percent {
	h := rules.CoveragePercent(covered, total)
	return Percent{Hundredths: h, Text: fmt.Sprintf("%d.%02d%%", h/100, h%100)}
}

// CoverageFile is the coverage of one catalog file.
type CoverageFile struct {
	File    string         `json:"file"`
	Covered int            `json:"covered"`
	Total   int            `json:"total"`
	Percent Percent        `json:"percent"`
	Kinds   []CoverageKind `json:"kinds"`
	Items   []CoverageItem `json:"items"`
}

// CoverageKind counts the items of one kind (rules.CoverRow, CoverRule,
// CoverMigration, CoverPermission, CoverCondition, CoverPrice, CoverBand)
// of a file.
type CoverageKind struct {
	Kind    string `json:"kind"`
	Covered int    `json:"covered"`
	Total   int    `json:"total"`
}

// CoverageItem is one item (see rules.CoverageItem) at its position.
type CoverageItem struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Outcome string `json:"outcome"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Hits    int64  `json:"hits"`
}

// CoverageKinds lists the kinds of items in the order reports give them.
var CoverageKinds = []string{rules.CoverRow, rules.CoverRule, rules.CoverMigration, rules.CoverPermission, rules.CoverCondition, rules.CoverPrice, rules.CoverBand}

// NewCoverage groups items (as rules.Coverage.Items or rules.MergeCoverage
// return them, sorted by file) by file and counts them. Every kind is
// listed for every file, with zero counts when the file has none.
func NewCoverage(items []rules.CoverageItem) Coverage {
	out := Coverage{Files: []CoverageFile{}}
	var f *CoverageFile
	for _, it := range items {
		if f == nil || f.File != it.File {
			out.Files = append(out.Files, CoverageFile{File: it.File, Items: []CoverageItem{}})
			f = &out.Files[len(out.Files)-1]
			for _, k := range CoverageKinds {
				f.Kinds = append(f.Kinds, CoverageKind{Kind: k})
			}
		}
		hit := 0
		if it.Hits > 0 {
			hit = 1
		}
		f.Total++
		f.Covered += hit
		for i := range f.Kinds {
			if f.Kinds[i].Kind == it.Kind {
				f.Kinds[i].Total++
				f.Kinds[i].Covered += hit
			}
		}
		f.Items = append(f.Items, CoverageItem{Kind: it.Kind, ID: it.ID, Outcome: it.Outcome, Line: it.Line, Column: it.Column, Hits: it.Hits})
	}
	for i := range out.Files {
		f := &out.Files[i]
		f.Percent = NewPercent(f.Covered, f.Total)
		out.Covered += f.Covered
		out.Total += f.Total
	}
	out.Percent = NewPercent(out.Covered, out.Total)
	return out
}
