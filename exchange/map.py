"""A schematic map of the four partner countries, drawn inline in SVG: no map tiles, no
third party, nothing to download. The shapes are simplified outlines placed roughly
where the countries lie (x grows eastwards, y southwards), not survey-grade borders."""

MAP_SHAPES = {
    "MA": {
        "points": "150,20 215,10 250,30 235,75 190,95 150,120 118,112 130,70",
        "label_x": 188,
        "label_y": 62,
    },
    "SN": {
        "points": "40,205 95,198 112,222 102,248 58,252 36,236",
        "label_x": 72,
        "label_y": 228,
    },
    "ML": {
        "points": "112,160 175,150 235,175 250,230 205,260 150,275 118,262 112,222",
        "label_x": 180,
        "label_y": 220,
    },
    "CI": {
        "points": "150,285 200,278 215,300 212,340 165,350 145,320",
        "label_x": 180,
        "label_y": 316,
    },
}
