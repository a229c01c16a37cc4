warning-cancel = Cancel transfer
quiz-back = Back
