-- wrk script for bench/api.sh: each request picks the next of a mix of list queries (pages, filters, sorts, sizes)
-- on the showcases endpoint, so the answers cache holds several entries as a client population would.
local prefix = os.getenv("API_PREFIX") or "/hauts-de-france/api/v1/showcases"
local queries = {
  "", "?page=2", "?page=3", "?page=17", "?page=50", "?page=100",
  "?domaine=musees", "?domaine=musees&page=2", "?domaine=archives&sort=title",
  "?technologie=realite-virtuelle", "?technologie=numerisation-3d&page=3",
  "?programme=ADNI", "?programme=PNV&annee=2021", "?annee=2023&page=2",
  "?maturite=prototype", "?maturite=pilote&sort=title&page=4",
  "?sort=title", "?sort=title&page=9", "?pageSize=100", "?pageSize=100&page=7",
}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", prefix .. queries[(counter % #queries) + 1])
end
