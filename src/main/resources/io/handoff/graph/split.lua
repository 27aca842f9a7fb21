-- Splits a person's lines into twice as many parts (or, for lines still in the adjacency string, into two parts):
-- each line goes to the part partIndex(other, new count) (a line of part k goes to part k or k + old count).
-- KEYS: 1 adj:<id>  then adj-part:<id>:<k> for k = 0 .. new count - 1
-- ARGV: 1 the part count the caller read (0 = lines in the string)  2 the new part count (twice it, at least 2)
-- Returns the length of the longest part written, or -1 when the person is gone or their part count changed.
local adj = redis.call('GET', KEYS[1])
if not adj then return -1 end
local old, new = tonumber(ARGV[1]), tonumber(ARGV[2])
if partsOf(adj) ~= old or new < 2 or new ~= 2 * old and old ~= 0 or #KEYS ~= 1 + new then
  return -1
end
local card = cardOf(adj)
local buckets = {}
for k = 1, new do buckets[k] = {} end
local function spread(text)
  for line, other in string.gmatch(text, '(\n[<>]([^\t\n]+)[^\n]*)') do
    local bucket = buckets[partIndex(other, new) + 1]
    bucket[#bucket + 1] = line
  end
end
if old == 0 then
  spread(string.sub(adj, #card + 1))
else
  for k = 1, old do
    spread(redis.call('GET', KEYS[1 + k]) or '')
  end
end
local longest = 0
for k = 1, new do
  local text = table.concat(buckets[k])
  if text == '' then
    redis.call('DEL', KEYS[1 + k])
  else
    redis.call('SET', KEYS[1 + k], text)
  end
  if #text > longest then longest = #text end
end
redis.call('SET', KEYS[1], card .. '\n#' .. new)
return longest
