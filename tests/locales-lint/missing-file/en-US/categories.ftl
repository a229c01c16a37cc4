warning-technique-label = The trick:
