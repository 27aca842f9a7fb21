-- Rebuilds the cards of the given people from their person hashes (data written before cards existed).
-- KEYS: 1 cards, then person:<id> for each id    ARGV: the ids, in the same order
for i = 1, #ARGV do
  writeCard(KEYS[i + 1], KEYS[1], ARGV[i])
end
return #ARGV
