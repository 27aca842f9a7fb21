-- Shared by the graph scripts: a person's adjacency string (key adj:<id>) is their card, then one line per handoff
-- they take part in, "\n" .. direction .. other id .. "\t" .. encoded edge .. "\t" .. the other's summary, where the
-- direction is '>' when the person hands work to the other and '<' when the other hands work to them. A card is the
-- person's fields, tab-separated by position (AdjacencyCodec): name, email, team, time zone, then one id per chat
-- platform; a summary is the same with only name, team and time zone filled in (what a map shows). No id, encoded
-- edge or card field can hold a tab or a line break (Identifier, Text), so the separators are unambiguous. Every
-- edge is stored twice, once in each end's string, each copy carrying the other end's summary: an ego map reads one
-- string per person it expands and never looks people up one by one.

local CARD_TEAM = 3

-- The card at the head of an adjacency string.
local function cardOf(adj)
  local stop = string.find(adj, '\n', 1, true)
  if stop then return string.sub(adj, 1, stop - 1) end
  return adj
end

-- Field n (1-based) of a card; '' when the card has fewer fields.
local function cardField(card, n)
  local start = 1
  for _ = 2, n do
    local tab = string.find(card, '\t', start, true)
    if not tab then return '' end
    start = tab + 1
  end
  local stop = string.find(card, '\t', start, true)
  return string.sub(card, start, (stop or #card + 1) - 1)
end

local function teamOfCard(card)
  return cardField(card, CARD_TEAM)
end

-- The summary of a card, the form in which a person appears in other people's lines: name, no email, team, zone.
local function summaryOf(card)
  return cardField(card, 1) .. '\t\t' .. cardField(card, 3) .. '\t' .. cardField(card, 4)
end

-- First and last position of the line about (direction, other), its leading '\n' included; nil when there is none.
local function findEntry(adj, direction, other)
  local start = string.find(adj, '\n' .. direction .. other .. '\t', 1, true)
  if not start then return nil end
  local stop = string.find(adj, '\n', start + 1, true)
  return start, (stop or #adj + 1) - 1
end

-- The encoded edge of the line about other that starts at position start (as findEntry gives it).
local function edgeAt(adj, start, other)
  local edgeStart = start + 3 + #other
  return string.sub(adj, edgeStart, string.find(adj, '\t', edgeStart, true) - 1)
end

-- The encoded edge of the line about (direction, other); nil when there is none.
local function entryEdge(adj, direction, other)
  local start = findEntry(adj, direction, other)
  if not start then return nil end
  return edgeAt(adj, start, other)
end

-- adj without the line about (direction, other).
local function withoutEntry(adj, direction, other)
  local start, stop = findEntry(adj, direction, other)
  if not start then return adj end
  return string.sub(adj, 1, start - 1) .. string.sub(adj, stop + 1)
end

-- adj with the other's summary replaced in both lines about them (when there are such lines).
local function withOtherSummary(adj, other, summary)
  for _, direction in ipairs({ '>', '<' }) do
    local start, stop = findEntry(adj, direction, other)
    if start then
      local cardStart = string.find(adj, '\t', start + 3 + #other, true) + 1
      adj = string.sub(adj, 1, cardStart - 1) .. summary .. string.sub(adj, stop + 1)
    end
  end
  return adj
end

-- Iterates the lines of adj: direction, other id, encoded edge, other's summary.
local function entries(adj)
  return string.gmatch(adj, '\n([<>])([^\t\n]+)\t([^\t\n]*)\t([^\n]*)')
end

-- A busy person's lines are split into parts (keys adj-part:<id>:<k>, k = 0 .. n-1, n a power of two): their
-- adjacency string then holds only their card and a last line '#' .. n, and the line about another person is in part
-- partIndex(other, n), so a write copies one part, never every line. The parts hold lines only (each starting with
-- '\n'); a missing part has none. A string or part longer than the split size (an ARGV of the scripts that write
-- lines) is split by split.lua, called by the writer afterwards (AdjacencyParts).

-- How many parts the person's lines are split into: 0 when the lines are in the adjacency string itself.
local function partsOf(adj)
  local stop = string.find(adj, '\n', 1, true)
  if stop and string.byte(adj, stop + 1) == 35 then
    return tonumber(string.sub(adj, stop + 2))
  end
  return 0
end

-- The hash of an id that places the line about it (AdjacencyParts.hash).
local function idHash(other)
  local h = 0
  for i = 1, #other do
    h = (h * 31 + string.byte(other, i)) % 1000000007
  end
  return h
end

-- The part (0-based) holding the line about other when there are n parts.
local function partIndex(other, n)
  return idHash(other) % n
end
